// Plain lists with no schema library behind them, so that the CLI can offer them in its help and
// check its options without loading one; the schemas in account.ts are built from them.

/** The blogs reached through a web API. */
export const apiKinds = ['wordpress', 'xmlrpc', 'ghost', 'micropub', 'blogger'] as const;

/** Every kind of account: a blog's web API, or a static site in a git repository. */
export const accountKinds = [...apiKinds, 'static'] as const;

/** A static site's generator (see SiteFlavourSchema). */
export const siteFlavours = ['hugo', 'jekyll', 'custom'] as const;

/** What a static site's post files hold (see PostFormatSchema). */
export const postFormats = ['html', 'markdown'] as const;

/**
 * How a blog credits a quote: "via" (the excerpt, then 'via <a>Title</a>.', as WordPress's early
 * Press This did and the example post shows), "source" (the modern Press This line), or a
 * Quotebacks-compatible blockquote (class quoteback, data-title, data-author, cite, footer).
 */
export const attributionStyles = ['via', 'source', 'quoteback'] as const;
export type AttributionStyle = (typeof attributionStyles)[number];

/**
 * The longest side, in pixels, of an image as a blog receives it (see AccountOptionsSchema): the
 * default, and the bounds (smaller is a thumbnail; larger than any screen shows).
 */
export const imageSides = { default: 2048, min: 320, max: 8192 } as const;
