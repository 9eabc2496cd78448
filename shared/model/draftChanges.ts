import type { DraftChanges, DraftContent, Quote, UnchangedQuote } from './draft';

function isUnchanged(quote: Quote | UnchangedQuote): quote is UnchangedQuote {
  return 'unchanged' in quote;
}

/**
 * The changes that turn `saved` into `current`, comparing by identity: a field the editor did not
 * replace is left out, and so is every quote it did not replace (named instead). Empty when
 * nothing changed.
 */
export function changesBetween(saved: DraftContent, current: DraftContent): DraftChanges {
  const changes: { -readonly [Field in keyof DraftChanges]: DraftChanges[Field] } = {};
  if (current.title !== saved.title) changes.title = current.title;
  if (current.commentary !== saved.commentary) changes.commentary = current.commentary;
  if (current.hashtags !== saved.hashtags) changes.hashtags = current.hashtags;
  if (current.featuredImage !== saved.featuredImage) changes.featuredImage = current.featuredImage;
  if (current.options !== undefined && current.options !== saved.options) changes.options = current.options;
  if (current.quotes !== saved.quotes) {
    const kept = new Set(saved.quotes);
    changes.quotes = current.quotes.map((quote) => (kept.has(quote) ? { unchanged: quote.id } : quote));
  }
  return changes;
}

/**
 * The content after `changes`; an unchanged quote is taken from `content`. Returns null when a
 * quote named as unchanged is not in `content` (the draft changed elsewhere meanwhile).
 */
export function applyChanges(content: DraftContent, changes: DraftChanges): DraftContent | null {
  const quotes = changes.quotes === undefined ? content.quotes : resolveQuotes(content.quotes, changes.quotes);
  if (quotes === null) return null;
  const options = changes.options ?? content.options;
  return {
    title: changes.title ?? content.title,
    commentary: changes.commentary ?? content.commentary,
    quotes,
    hashtags: changes.hashtags ?? content.hashtags,
    // null is a change (the featured image cleared); only absence keeps it.
    featuredImage: changes.featuredImage === undefined ? content.featuredImage : changes.featuredImage,
    // Options once set are never unset (emptied, they are empty options), so absence keeps them.
    ...(options === undefined ? {} : { options }),
  };
}

/**
 * One set of changes made of two made in turn: the later wins field by field, and a quote the
 * later names as unchanged is the one the earlier sent, if it sent it.
 */
export function combineChanges(earlier: DraftChanges, later: DraftChanges): DraftChanges {
  const quotes =
    later.quotes === undefined
      ? earlier.quotes
      : later.quotes.map((quote) => {
          if (!isUnchanged(quote)) return quote;
          const sent = earlier.quotes?.find((each) => !isUnchanged(each) && each.id === quote.unchanged);
          return sent ?? quote;
        });
  return { ...earlier, ...later, ...(quotes === undefined ? {} : { quotes }) };
}

function resolveQuotes(current: readonly Quote[], changed: readonly (Quote | UnchangedQuote)[]): Quote[] | null {
  const byId = new Map(current.map((quote) => [quote.id, quote]));
  const resolved: Quote[] = [];
  for (const quote of changed) {
    const found = isUnchanged(quote) ? byId.get(quote.unchanged) : quote;
    if (!found) return null;
    resolved.push(found);
  }
  return resolved;
}
