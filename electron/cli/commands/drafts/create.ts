import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DraftImportSchema, contentFromImport } from '../../../../shared/model/draftImport';
import { describeValidation } from '../../../../shared/model/validationMessages';
import { AppError } from '../../../../shared/result';
import type { LibraryContext } from '../../context';

/** `drafts create --from FILE`: a new draft from a post's JSON file; prints its id. */
export async function run(context: LibraryContext, options: { from: string }): Promise<void> {
  const content = contentFromImport(await readImportFile(options.from), randomUUID);
  const draft = await context.call('createDraft', { content });
  context.out(draft.id);
}

async function readImportFile(file: string): Promise<z.output<typeof DraftImportSchema>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AppError('invalid-input', `Cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('invalid-input', `${file} is not valid JSON.`);
  }
  const parsed = DraftImportSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('invalid-input', `${file} is not a post: ${describeValidation(parsed.error)}`);
  }
  return parsed.data;
}
