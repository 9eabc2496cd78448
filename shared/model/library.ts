import { z } from 'zod';
import { DraftStatusSchema, DraftSummarySchema, IdSchema } from './draft';
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

/** The most drafts one page may hold: a screenful or two of the list, with rows to spare. */
export const MAX_PAGE_DRAFTS = 500;

/** A window of the list: the drafts matching `query` from position `offset` on, at most `limit` of them. */
export const DraftPageRequestSchema = z.strictObject({
  query: DraftQuerySchema,
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(MAX_PAGE_DRAFTS),
});
export type DraftPageRequest = z.infer<typeof DraftPageRequestSchema>;

/** What the list shows of a query: how many drafts match in all, and the asked window of them, newest first. */
export const DraftPageSchema = z.strictObject({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  drafts: z.array(DraftSummarySchema),
});
export type DraftPage = z.infer<typeof DraftPageSchema>;

/** One earlier version of a draft, as the history list shows it. */
export const RevisionSummarySchema = z.strictObject({
  revision: z.number().int().nonnegative(),
  savedAt: z.iso.datetime({ offset: true }),
  title: z.string(),
  words: z.number().int().nonnegative(),
  /** The account this version was published to, when it is the version that went out. */
  publishedTo: IdSchema.optional(),
});
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

/** A tag in use, with how many drafts use it: what autocomplete offers. */
export const TagCountSchema = z.strictObject({ tag: z.string(), count: z.number().int().positive() });
export type TagCount = z.infer<typeof TagCountSchema>;
