import { z } from 'zod';
import { DraftStatusSchema } from './draft';
import { limits } from './limits';

/** Which drafts a list shows: all filters apply together. */
export const DraftQuerySchema = z.strictObject({
  /** Words that must all appear (as word prefixes) in the title, text, quotes, sources or tags. */
  search: z.string().max(limits.searchCharacters).optional(),
  status: DraftStatusSchema.optional(),
  tag: z.string().max(limits.hashtagCharacters).optional(),
  /** Trashed drafts are left out unless asked for. */
  trash: z.enum(['exclude', 'only', 'include']).optional(),
});
export type DraftQuery = z.infer<typeof DraftQuerySchema>;

/** One earlier version of a draft, as the history list shows it. */
export const RevisionSummarySchema = z.strictObject({
  revision: z.number().int().nonnegative(),
  savedAt: z.iso.datetime({ offset: true }),
  title: z.string(),
  words: z.number().int().nonnegative(),
  /** Why it was kept, when more than an editing spell: "Published to My Blog". */
  label: z.string().optional(),
});
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

/** A tag in use, with how many drafts use it: what autocomplete offers. */
export const TagCountSchema = z.strictObject({ tag: z.string(), count: z.number().int().positive() });
export type TagCount = z.infer<typeof TagCountSchema>;
