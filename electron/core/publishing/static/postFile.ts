import { z } from 'zod';
import type { Source } from '../../../../shared/model/draft';
import type { PostFormat, SiteLayout } from '../../../../shared/model/staticSite';
import { parseFrontMatter, writeFrontMatter } from '../../archive/frontMatter';
import { markdownBody } from '../../archive/markdownBody';
import type { ClientIdentity, OutgoingPost, PostSchedule } from '../blogAdapter';

/** Where a post sits: its slug and date, fixed when it is first written, so its file and address never move. */
export interface PostPlacement {
  readonly slug: string;
  readonly date: Date;
}

/**
 * The post as a content file: front matter (title, date, slug, tags, the featured image where the
 * site's templates read one, the draft flag, the quotes' sources as data, and the identity that
 * makes publishing exactly-once), then the body:
 * the preview's HTML, or Markdown for the generator to render.
 */
export function postFileText(
  post: OutgoingPost,
  options: { readonly layout: SiteLayout; readonly format: PostFormat; readonly placement: PostPlacement },
): string {
  const { layout, format, placement } = options;
  const isDraft = post.schedule.status === 'draft';
  const sources = post.content.quotes.map((quote) => sourceFields(quote.source));
  const fields: Record<string, unknown> = {
    title: post.title,
    date: isoSeconds(placement.date),
    slug: placement.slug,
    tags: [...post.tags],
    ...(post.summary === '' ? {} : { summary: post.summary }),
    ...featuredImageField(post, layout),
    ...(layout.draftField === 'draft' ? { draft: isDraft } : { published: !isDraft }),
    ...layout.extraFrontMatter,
    ...(sources.length > 0 ? { sources } : {}),
    commonplace: { identity: post.identity },
  };
  const body = format === 'html' ? post.html : markdownBody(post.content);
  return writeFrontMatter(fields, body);
}

/** The featured image's address in the field the site's templates read it from; nothing where they read none. */
function featuredImageField(post: OutgoingPost, layout: SiteLayout): Record<string, unknown> {
  const featured = layout.featuredImage;
  if (!featured || !post.featuredImage) return {};
  return { [featured.field]: featured.list ? [post.featuredImage.url] : post.featuredImage.url };
}

/** When the post goes live: now (or when it was first published), or at its scheduled date. */
export function postDate(schedule: PostSchedule, now: Date, firstPublished: Date | null): Date {
  if (schedule.status === 'future') return schedule.date;
  return firstPublished ?? now;
}

/** A post file as read back: its fields, loosely (a writer may have edited it by hand), and its body. */
export interface PostFile {
  readonly title: string;
  readonly date: Date | null;
  readonly slug: string | null;
  readonly tags: readonly string[];
  /** The post's summary ('' for none): Hugo shows it in lists; Jekyll themes may. */
  readonly summary: string;
  readonly isDraft: boolean;
  readonly identity: ClientIdentity | null;
  /** The featured image's address in the layout's field (the first, in a list); null for none. */
  readonly featuredImage: string | null;
  readonly body: string;
}

const text = z.string().catch('');
const FieldsSchema = z.looseObject({
  title: z.union([z.string(), z.number()]).transform(String).catch(''),
  date: z.union([z.string(), z.date()]).nullable().catch(null).optional(),
  slug: z.string().nullable().catch(null).optional(),
  tags: z
    .union([
      z.array(z.union([z.string(), z.number()]).transform(String)),
      z.string().transform((tags) => tags.split(/\s+/)),
    ])
    .catch([])
    .optional(),
  summary: z.string().catch('').optional(),
  draft: z.boolean().catch(false).optional(),
  published: z.boolean().catch(true).optional(),
  commonplace: z.looseObject({ identity: text }).nullable().catch(null).optional(),
});

const FeaturedImageValueSchema = z
  .union([z.string(), z.array(z.unknown()).transform((list) => list[0])])
  .pipe(z.string())
  .nullable()
  .catch(null);

/**
 * Reads a post file, and the featured image from the layout's field when it has one; throws
 * AppError('invalid-input') when its front matter cannot be read at all.
 */
export function readPostFile(fileText: string, name: string, layout?: Pick<SiteLayout, 'featuredImage'>): PostFile {
  const { fields, body } = parseFrontMatter(fileText, name);
  const parsed = FieldsSchema.parse(fields);
  const featuredField = layout?.featuredImage?.field;
  const date = parsed.date === undefined || parsed.date === null ? null : new Date(parsed.date);
  const identity = parsed.commonplace?.identity ?? '';
  return {
    title: parsed.title,
    date: date !== null && Number.isFinite(date.getTime()) ? date : null,
    slug: parsed.slug ?? null,
    tags: (parsed.tags ?? []).filter((tag) => tag !== ''),
    summary: parsed.summary ?? '',
    isDraft: parsed.draft === true || parsed.published === false,
    identity: /^[a-z0-9-]+$/.test(identity) ? identity : null,
    featuredImage: featuredField === undefined ? null : FeaturedImageValueSchema.parse(fields[featuredField] ?? null),
    body,
  };
}

/** An ISO timestamp in UTC to the second, as generators read dates. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function sourceFields(source: Source): Record<string, string> {
  const fields: Record<string, string | null> = {
    url: source.url,
    title: source.title,
    author: source.author,
    site: source.siteName,
    published: source.publishedAt ?? (source.publishedAtText === '' ? null : source.publishedAtText),
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== ''),
  );
}
