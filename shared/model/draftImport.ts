import { z } from 'zod';
import { DraftContentSchema, HttpUrlSchema, emptySource, type DraftContent } from './draft';
import { uniqueHashtags } from './hashtags';
import { limits } from './limits';

const text = (max: number) => z.string().max(max).default('');

const ImportedSourceSchema = z.strictObject({
  url: HttpUrlSchema.nullable().default(null),
  title: text(limits.sourceFieldCharacters),
  author: text(limits.sourceFieldCharacters),
  siteName: text(limits.sourceFieldCharacters),
  publishedAt: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .nullable()
    .default(null),
  publishedAtText: text(limits.sourceFieldCharacters),
  capturedAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

/**
 * A post written elsewhere, in the shape of examples/reblog-post.json: what `drafts create --from`
 * reads. Hashtags may keep their '#'. `notes` describes the file itself and is not imported.
 */
export const DraftImportSchema = z.strictObject({
  title: text(limits.titleCharacters),
  commentary: text(limits.commentaryCharacters),
  hashtags: z.array(z.string().max(limits.hashtagCharacters)).max(limits.hashtagsPerDraft).default([]),
  quotes: z
    .array(
      z.strictObject({
        excerpt: text(limits.excerptCharacters),
        source: ImportedSourceSchema.default(emptySource()),
        note: text(limits.noteCharacters),
      }),
    )
    .max(limits.quotesPerDraft)
    .default([]),
  notes: z.string().optional(),
});
export type DraftImport = z.input<typeof DraftImportSchema>;

/** The draft content an imported post becomes; quote ids come from `newId`. */
export function contentFromImport(imported: z.output<typeof DraftImportSchema>, newId: () => string): DraftContent {
  return DraftContentSchema.parse({
    title: imported.title,
    commentary: imported.commentary,
    hashtags: uniqueHashtags(imported.hashtags),
    quotes: imported.quotes.map((quote) => ({
      id: newId(),
      excerpt: quote.excerpt,
      source: quote.source,
      note: quote.note,
      clipboardHtml: null,
    })),
    featuredImage: null,
  });
}
