/** Block elements after which WordPress's wpautop() starts no paragraph of its own. */
const blockStart =
  /^<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|dl|section|article|aside|address|form|!--)\b/i;

/**
 * Paragraphs for classic-editor content, which WordPress stores without <p> (it adds them when
 * it shows the post, in wpautop()): text separated by a blank line becomes a paragraph, a single
 * line break a <br>. Block-editor content (it has "<!-- wp:" comments) and content that already
 * has paragraphs are left as they are.
 */
export function autoParagraphs(content: string): string {
  if (content.includes('<!-- wp:') || /<p[\s>]/i.test(content)) return content;
  return content
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => (blockStart.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}
