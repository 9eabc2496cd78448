import { z } from 'zod';
import { postFormats, siteFlavours } from './accountChoices';
import { HttpUrlSchema } from './draft';

/** The site generators Commonplace knows the layout of, or "custom" for the writer's own. */
export const SiteFlavourSchema = z.enum(siteFlavours);
export type SiteFlavour = z.infer<typeof SiteFlavourSchema>;

/**
 * What a post file's body holds: the preview's HTML (the built page shows exactly the preview), or
 * Markdown for the generator to render (then fidelity is the generator's).
 */
export const PostFormatSchema = z.enum(postFormats);
export type PostFormat = z.infer<typeof PostFormatSchema>;

/** A path inside the site's repository: forward slashes, no "..", not absolute. */
export const RepositoryPathSchema = z
  .string()
  .max(500)
  .refine(
    (value) =>
      !value.startsWith('/') &&
      !value.includes('\\') &&
      !value.includes('\0') &&
      value.split('/').every((part) => part !== '..' && part !== '.git'),
    'a folder inside the site, written with "/" and without ".."',
  );

/** The front matter fields every post file has (see postFileText). */
const standardFields = new Set([
  'title',
  'date',
  'slug',
  'tags',
  'summary',
  'draft',
  'published',
  'sources',
  'commonplace',
]);

/** Placeholders a file name or permalink may use. */
export const layoutPlaceholders = ['{year}', '{month}', '{day}', '{slug}'] as const;

/**
 * Where and how a site keeps its posts. Hugo and Jekyll have presets; a custom site says its own.
 * The layout is fixed when the account is added, so later changes to the presets never move a
 * post that is already on the site.
 */
export const SiteLayoutSchema = z.strictObject({
  /** The folder of posts, relative to the repository's root ("content/posts", "_posts"). */
  folder: RepositoryPathSchema,
  /** The file name without its extension; {year} {month} {day} {slug} are filled in. */
  fileName: z
    .string()
    .min(1)
    .max(200)
    .includes('{slug}')
    .regex(/^[^/\\]+$/, 'a file name, not a path'),
  /** The post's address on the site, relative to the site's address, with the same placeholders. */
  permalink: z.string().min(1).max(300),
  /** How a post that is only a draft on the site is marked: `draft: true` or `published: false`. */
  draftField: z.enum(['draft', 'published']),
  /** Fields every post gets besides the standard ones (Jekyll's `layout: post`). */
  extraFrontMatter: z.record(z.string().max(100), z.union([z.string().max(500), z.number(), z.boolean()])),
  /** Where uploaded images go, and the address they are served at relative to the site's (Hugo: static/images → images/). */
  media: z.strictObject({ folder: RepositoryPathSchema, url: z.string().max(300) }),
  /**
   * The front matter field the site's templates read a post's featured image from (Hugo's
   * `images`, a list; jekyll-seo-tag's `image`); absent where they read none, and for sites added
   * before the field existed (a layout never changes once added).
   */
  featuredImage: z
    .strictObject({
      field: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_-]{0,99}$/, 'a front matter field name (letters, digits, "_" and "-")')
        .refine((name) => !standardFields.has(name), 'a field of its own, not one Commonplace already writes'),
      list: z.boolean(),
    })
    .optional(),
});
export type SiteLayout = z.infer<typeof SiteLayoutSchema>;

/** Where a static site's posts go, as the account keeps it. */
export const StaticSiteSchema = z.strictObject({
  /** The repository's working folder on this machine (absolute). */
  folder: z.string().min(1).max(4_096),
  flavour: SiteFlavourSchema,
  layout: SiteLayoutSchema,
  format: PostFormatSchema,
  /** The branch posts are committed to. */
  branch: z.string().min(1).max(250),
  /** Where commits are pushed, or null to keep them in the local repository. */
  remote: z.strictObject({ name: z.string().min(1).max(100), url: HttpUrlSchema }).nullable(),
});
export type StaticSite = z.infer<typeof StaticSiteSchema>;
