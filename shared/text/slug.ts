import slugify from '@sindresorhus/slugify';

/**
 * How a blog spells a post's address: in the writer's own script (WordPress keeps "привет-мир"
 * and "東京の夜" as they are), or transliterated to Latin letters where a blog's addresses are
 * ASCII ("privet-mir").
 */
export type SlugScript = 'own' | 'latin';

/** Past this many characters a slug is cut at a word boundary: an address, not the whole title. */
const MAX_SLUG_CHARACTERS = 100;

/**
 * A slug from any text: lowercase words joined by hyphens, without punctuation, the writer's
 * script kept or transliterated. Empty when nothing of the text can be spelled in that script
 * (a Japanese title in Latin letters): the blog then makes the address itself.
 */
export function slugFromText(text: string, script: SlugScript): string {
  const slug = slugify(text, { decamelize: false, transliterate: script === 'latin' });
  if (slug.length <= MAX_SLUG_CHARACTERS) return slug;
  const cut = slug.slice(0, MAX_SLUG_CHARACTERS + 1);
  const lastBoundary = cut.lastIndexOf('-');
  return (lastBoundary > 0 ? cut.slice(0, lastBoundary) : cut.slice(0, MAX_SLUG_CHARACTERS)).replace(/-+$/, '');
}

/** A post's address as each kind of blog takes it, and whether the writer chose it. */
export interface PostSlug {
  /** True when the writer typed it; false when it is made from the title. */
  readonly chosen: boolean;
  /** In the writer's script, for blogs that keep it (WordPress). */
  readonly own: string;
  /** In Latin letters, for blogs whose addresses are ASCII (Ghost, Micropub, MetaWeblog). */
  readonly latin: string;
}

/** The writer's slug when they chose one, else one made from the title. */
export function postSlug(title: string, chosen: string): PostSlug {
  const source = chosen.trim() === '' ? title : chosen;
  return {
    chosen: chosen.trim() !== '',
    own: slugFromText(source, 'own'),
    latin: slugFromText(source, 'latin'),
  };
}
