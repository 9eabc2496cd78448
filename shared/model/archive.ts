import { z } from 'zod';
import { exportFormats } from './archiveChoices';
import { IdSchema } from './draft';
import { MediaFileSchema } from './image';

/** How an export writes each draft's body (see exportFormats). */
export const ExportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** A full path on the writer's machine, as a host's folder or file chooser gives it. */
export const LocalPathSchema = z
  .string()
  .min(1)
  .max(4_096)
  .refine((value) => !value.includes('\0'), 'a path without NUL characters')
  .refine((value) => value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\'), 'a full path');

/** Names an export or import the writer started, so its progress and its cancel find it. */
export const ArchiveJobIdSchema = IdSchema;

/** Where an export or import stands: checking the input, then importing, or exporting. */
export const ArchiveProgressSchema = z.strictObject({
  phase: z.enum(['checking', 'importing', 'exporting']),
  done: z.number().int().nonnegative(),
  /** How many there are in all, when known (an import's first pass counts them). */
  total: z.number().int().nonnegative().nullable(),
});
export type ArchiveProgress = z.infer<typeof ArchiveProgressSchema>;

export const ExportReportSchema = z.strictObject({
  folder: z.string(),
  written: z.number().int().nonnegative(),
  format: ExportFormatSchema,
  /** How many library images the drafts use were copied into its media folder. */
  images: z.number().int().nonnegative(),
  /** Images the drafts name that the library does not have (they are named in the files all the same). */
  missingImages: z.array(MediaFileSchema),
});
export type ExportReport = z.infer<typeof ExportReportSchema>;

/** What an import found in its input. */
export const ImportSourceKindSchema = z.enum(['wordpress-export', 'markdown-folder', 'markdown-file']);
export type ImportSourceKind = z.infer<typeof ImportSourceKindSchema>;

/**
 * What an import did (or, with dryRun, would do): drafts created, posts already here from an
 * earlier import (left as they are), drafts linked to a blog account so updates go to the same
 * post, and what the input held that does not become a draft (pages, attachments, trashed posts).
 */
export const ImportReportSchema = z.strictObject({
  source: ImportSourceKindSchema,
  dryRun: z.boolean(),
  created: z.number().int().nonnegative(),
  alreadyHere: z.number().int().nonnegative(),
  linked: z.array(z.strictObject({ accountId: IdSchema, blogName: z.string(), posts: z.number().int().nonnegative() })),
  quotesRecognised: z.number().int().nonnegative(),
  skipped: z.array(z.strictObject({ what: z.string(), count: z.number().int().positive() })),
  /** Front matter fields that were not read (foreign files keep fields Commonplace has no place for). */
  ignoredFields: z.array(z.string()),
  /** The new drafts' ids (up to the first 1,000). */
  draftIds: z.array(IdSchema),
  /** Images an export's drafts name that it does not hold (nor did the library it came from): the drafts name them all the same. */
  missingImages: z.array(MediaFileSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
