import type { PostFormat, SiteFlavour, SiteLayout } from '../../../../shared/model/staticSite';

/**
 * Where Hugo and Jekyll keep posts by default. Hugo: content/posts/SLUG, served at /posts/SLUG/.
 * Jekyll: _posts/YYYY-MM-DD-SLUG, served at /YYYY/MM/DD/SLUG.html (its "date" permalink style);
 * `layout: post` gives the page the theme's post layout, and Liquid is kept out of the body so
 * that text like "{{" is shown, not run.
 */
export const layoutPresets: Readonly<Record<Exclude<SiteFlavour, 'custom'>, SiteLayout>> = {
  hugo: {
    folder: 'content/posts',
    fileName: '{slug}',
    permalink: 'posts/{slug}/',
    draftField: 'draft',
    extraFrontMatter: {},
    media: { folder: 'static/images', url: 'images/' },
    // What Hugo's own Open Graph and Twitter card templates, and most themes, read.
    featuredImage: { field: 'images', list: true },
  },
  jekyll: {
    folder: '_posts',
    fileName: '{year}-{month}-{day}-{slug}',
    permalink: '{year}/{month}/{day}/{slug}.html',
    draftField: 'published',
    extraFrontMatter: { layout: 'post', render_with_liquid: false },
    media: { folder: 'assets/images', url: 'assets/images/' },
    // What jekyll-seo-tag (minima's, and most themes') reads.
    featuredImage: { field: 'image', list: false },
  },
};

/**
 * A custom site's starting point: posts/SLUG served at /SLUG/, with the usual fields; no featured
 * image field, since which one its templates read (if any) is not known.
 */
export const customLayoutDefault: SiteLayout = {
  folder: 'posts',
  fileName: '{slug}',
  permalink: '{slug}/',
  draftField: 'draft',
  extraFrontMatter: {},
  media: { folder: 'images', url: 'images/' },
};

/** The file extension a post's body format takes. */
export function extensionOf(format: PostFormat): string {
  return format === 'html' ? 'html' : 'md';
}

/** The date parts and slug a file name or permalink is filled with. Dates are read in UTC. */
export function fillPlaceholders(template: string, values: { readonly date: Date; readonly slug: string }): string {
  const { date, slug } = values;
  return template
    .replaceAll('{year}', String(date.getUTCFullYear()).padStart(4, '0'))
    .replaceAll('{month}', String(date.getUTCMonth() + 1).padStart(2, '0'))
    .replaceAll('{day}', String(date.getUTCDate()).padStart(2, '0'))
    .replaceAll('{slug}', slug);
}
