import { z } from 'zod';
import { limits } from './limits';
import { AppError } from '../result';
import { describeValidation } from './validationMessages';
import { formatCount } from '../text/numbers';

/**
 * What the clipboard holds, as every host hands it to the core: each format's name mapped to its
 * content as text. The CLI reads it from a file; the Electron host builds it from Electron's
 * clipboard API and the dev host from a paste event. Binary formats (images) may be listed with
 * empty content: only their names are used.
 */
export const ClipboardPayloadSchema = z.strictObject({
  formats: z
    .record(
      z
        .string()
        .min(1, 'A clipboard format has an empty name.')
        .max(limits.clipboardFormatNameCharacters, 'A clipboard format has a name too long to be real.'),
      z.string().max(limits.clipboardFormatCharacters, {
        // Worded when needed: a formatter made at import would slow every start (see formatCount).
        error: () =>
          `What you copied is too long to quote: more than ${formatCount(limits.clipboardFormatCharacters)} characters. Copy a shorter passage.`,
      }),
    )
    .refine(
      (formats) => Object.keys(formats).length <= limits.clipboardFormats,
      `The clipboard lists more than ${limits.clipboardFormats} formats; this is not something copied from a page.`,
    ),
});
export type ClipboardPayload = z.infer<typeof ClipboardPayloadSchema>;

/** Checks untrusted clipboard data, with a message a writer can act on when it does not fit. */
export function readClipboardPayload(input: unknown): ClipboardPayload {
  const parsed = ClipboardPayloadSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const worded = wordedMessage(parsed.error.issues);
  if (worded !== undefined) throw new AppError('invalid-input', worded);
  throw new AppError(
    'invalid-input',
    `The clipboard data is not in the expected form {"formats": {"text/html": "…"}}: ${describeValidation(parsed.error)}`,
  );
}

/** The issues this schema words itself say what to do; zod's own words only describe the JSON. */
function wordedMessage(issues: readonly z.core.$ZodIssue[]): string | undefined {
  for (const issue of issues) {
    if (issue.code === 'too_big' || issue.code === 'too_small' || issue.code === 'custom') return issue.message;
    if (issue.code === 'invalid_key' || issue.code === 'invalid_element') {
      const inner = wordedMessage(issue.issues);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}
