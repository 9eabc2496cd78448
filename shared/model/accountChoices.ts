// Plain lists with no schema library behind them, so that the CLI can offer them in its help and
// check its options without loading one; the schemas in account.ts are built from them.

/** The blog protocols an account can speak. */
export const accountKinds = ['wordpress', 'xmlrpc', 'ghost', 'micropub', 'blogger'] as const;

/**
 * How a blog credits a quote: "via" (the excerpt, then 'via <a>Title</a>.', as WordPress's early
 * Press This did and the example post shows), "source" (the modern Press This line), or a
 * Quotebacks-compatible blockquote (class quoteback, data-title, data-author, cite, footer).
 */
export const attributionStyles = ['via', 'source', 'quoteback'] as const;
export type AttributionStyle = (typeof attributionStyles)[number];
