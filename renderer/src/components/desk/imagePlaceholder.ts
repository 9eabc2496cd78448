import { imageMarkdown } from '../../../../shared/media/references';

/**
 * The markdown an image shows in the commentary while the core processes it: `![Adding
 * photo.jpg…](media:adding-3)`, named by its key so it can be found again whatever happens around
 * it, or in it.
 */
export function placeholderMarkdown(key: string, name: string): string {
  return imageMarkdown(key, placeholderWords(name));
}

function placeholderWords(name: string): string {
  return `Adding ${name || 'image'}…`;
}

/**
 * Where the placeholder of `key` is in `text` now, and what replaces it: `final` (the image's
 * reference, or '' when it could not be added), followed by whatever the writer typed inside the
 * placeholder while it waited (a click can put the caret there), so that nothing typed is lost.
 * Null when the writer deleted the placeholder.
 */
export function settlePlaceholder(
  text: string,
  key: string,
  name: string,
  final: string,
): { readonly from: number; readonly to: number; readonly replacement: string } | null {
  const ending = `](media:${key})`;
  const close = text.indexOf(ending);
  if (close < 0) return null;
  const from = text.lastIndexOf('![', close);
  if (from < 0) return null;
  const typed = typedInto(placeholderWords(name), text.slice(from + 2, close));
  return { from, to: close + ending.length, replacement: final + typed };
}

/** What `current` holds beyond `original`'s characters, in order (the writer's typing inside it). */
function typedInto(original: string, current: string): string {
  let matched = 0;
  let typed = '';
  for (const character of current) {
    if (character === original[matched]) matched += 1;
    else typed += character;
  }
  return typed;
}
