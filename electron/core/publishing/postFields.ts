import { DomUtils, parseDocument } from 'htmlparser2';

/**
 * Titles are text. WordPress and MetaWeblog servers store a title as HTML, so a title sent as it
 * was typed loses "<really>" to the browser and has "&" read as the start of an entity: it goes
 * escaped, as WordPress's own editor sends it.
 */
export function titleAsHtml(text: string): string {
  return text.replace(/[&<>]/g, (character) => (character === '&' ? '&amp;' : character === '<' ? '&lt;' : '&gt;'));
}

/** A title stored as HTML, as the text it shows: tags dropped, entities decoded. */
export function titleFromHtml(html: string): string {
  return DomUtils.textContent(parseDocument(html));
}

/** WordPress answers a non-Latin slug percent-encoded ("%d0%bf%d1%80…"): as the writer reads it. */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}
