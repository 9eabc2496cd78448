import { z } from 'zod';
import { AccountKindSchema } from '../../../shared/model/account';
import { BlogHoldSchema, DraftStatusSchema, HttpUrlSchema, IdSchema, type Quote } from '../../../shared/model/draft';
import { limits } from '../../../shared/model/limits';

/** The version of the export format; an import refuses a newer one rather than misread it. */
export const EXPORT_FORMAT_VERSION = 1;

const IsoTimestamp = z.iso.datetime({ offset: true });

/** A quote's source as an export writes it: only the fields that are set. */
const ExportedSourceSchema = z.strictObject({
  url: HttpUrlSchema.optional(),
  title: z.string().optional(),
  author: z.string().optional(),
  site: z.string().optional(),
  published: z.union([z.iso.date(), IsoTimestamp]).optional(),
  publishedText: z.string().optional(),
  captured: IsoTimestamp.optional(),
});

const ExportedQuoteSchema = z.strictObject({
  id: IdSchema,
  source: ExportedSourceSchema,
  note: z.string().optional(),
});

/** Where the draft is published, so that an import into a library with that blog links it again. */
const ExportedBlogSchema = z.strictObject({
  blog: z.string(),
  kind: AccountKindSchema,
  address: HttpUrlSchema,
  state: z.enum(['published', 'changed-since-publish']),
  remoteId: z.string().min(1),
  url: HttpUrlSchema,
  modified: IsoTimestamp,
  /** How the blog held the post (a draft, scheduled) when it last answered; absent when it showed it. */
  held: BlogHoldSchema.optional(),
});
export type ExportedBlog = z.infer<typeof ExportedBlogSchema>;

/** A library image as an export's front matter names it: its copy beside the file ("media/<sha256>.<ext>"). */
const ExportedImagePathSchema = z
  .string()
  .regex(/^media\/[0-9a-f]{64}\.(?:jpg|png|webp|gif)$/, "an image in the export's media folder: media/<sha256>.<ext>");

/**
 * The front matter of one draft in an export. Strict: a field it does not know (a typo made while
 * editing the file by hand) is named in a clear refusal rather than dropped. The body holds the
 * commentary and the quotes' excerpts (see markdownBody), naming library images by their copies
 * in the export's media folder, as the featured image is named.
 */
export const ExportedDraftSchema = z.strictObject({
  title: z.string(),
  id: IdSchema,
  created: IsoTimestamp,
  updated: IsoTimestamp,
  hashtags: z.array(z.string()),
  status: DraftStatusSchema,
  blogs: z.array(ExportedBlogSchema).optional(),
  quotes: z.array(ExportedQuoteSchema).optional(),
  featuredImage: z
    .strictObject({ file: ExportedImagePathSchema, alt: z.string().max(limits.altTextCharacters) })
    .optional(),
  commonplace: z.strictObject({ export: z.number().int().positive(), format: z.enum(['markdown', 'html']) }),
});
export type ExportedDraft = z.infer<typeof ExportedDraftSchema>;

/** The names an export's front matter may hold, for messages. */
export const exportedFieldNames = Object.keys(ExportedDraftSchema.shape);

/** A quote's source in an export's front matter (empty fields left out, so the file stays readable). */
export function exportedQuote(quote: Quote): z.infer<typeof ExportedQuoteSchema> {
  const { source } = quote;
  const fields = {
    url: source.url ?? undefined,
    title: source.title || undefined,
    author: source.author || undefined,
    site: source.siteName || undefined,
    published: source.publishedAt ?? undefined,
    publishedText: source.publishedAtText || undefined,
    captured: source.capturedAt ?? undefined,
  };
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return { id: quote.id, source: present, ...(quote.note === '' ? {} : { note: quote.note }) };
}

/** A quote as the export wrote it, with the excerpt its body held. */
export function importedQuote(exported: z.infer<typeof ExportedQuoteSchema>, excerpt: string): Quote {
  const { source } = exported;
  return {
    id: exported.id,
    excerpt,
    source: {
      url: source.url ?? null,
      title: source.title ?? '',
      author: source.author ?? '',
      siteName: source.site ?? '',
      publishedAt: source.published ?? null,
      publishedAtText: source.publishedText ?? '',
      capturedAt: source.captured ?? null,
    },
    note: exported.note ?? '',
    clipboardHtml: null,
  };
}
