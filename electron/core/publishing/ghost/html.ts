import { topLevelElements } from '../../../../shared/render/topLevelElements';

/**
 * The preview's HTML as Ghost's Admin API should receive it (with ?source=html). Ghost turns HTML
 * into its own editor's cards and renders those for readers; a blockquote it rebuilds loses its
 * cite attribute, its inner paragraphs become <br> lines, and classes go (verified on 5.130). So
 * plain paragraphs and headings go as they are, and open as Ghost's own paragraphs and headings,
 * while everything else (the credited quote, the "via" line with its class) goes inside HTML
 * cards, the <!--kg-card-begin: html--> markers Ghost keeps as written. Readers then get the
 * preview's HTML, apart from whitespace between elements, &nbsp; spelled as an entity, and
 * ?ref=<site> added to outbound links where the blog keeps Ghost's "outbound link tagging" on.
 *
 * The input is sanitized HTML (lowercase tags, quoted attributes, text escaped), which is what
 * makes scanning its tags without a DOM reliable.
 */
export function ghostHtml(html: string): string {
  const output: string[] = [];
  let card: string[] = [];
  const closeCard = (): void => {
    if (card.length === 0) return;
    output.push(`${CARD_BEGIN}${card.join('')}${CARD_END}`);
    card = [];
  };
  for (const part of topLevelElements(html)) {
    if (nativeOpening.test(part.openingTag)) {
      closeCard();
      output.push(part.html);
    } else if (part.html.trim() === '' && card.length === 0) {
      output.push(part.html);
    } else {
      card.push(part.html);
    }
  }
  closeCard();
  return output.join('');
}

export const CARD_BEGIN = '<!--kg-card-begin: html-->';
export const CARD_END = '<!--kg-card-end: html-->';

/** A paragraph or heading without attributes: Ghost keeps it as it is. */
const nativeOpening = /^<(p|h[1-6])>$/;
