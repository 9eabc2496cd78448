import { seededRandom } from './realisticDraft';

/**
 * What a browser puts on the clipboard when a writer selects a whole long article: links carry
 * classes and tracking attributes, and the selection sweeps up share buttons (inline SVG),
 * figures with srcset, a few tables, inline scripts and style blocks. Deterministic, so every run
 * converts the same bytes.
 */
export const copiedArticleSourceUrl = 'https://news.example.com/2026/11/the-long-read?utm_source=share';

const WORDS =
  'the writer quotes a passage from an article about Iraq and its former self then adds her own view on what it means for the region and for those who read the news every day Mosul Peshmerga offensive “reports” statistics’ café — naïve'.split(
    ' ',
  );

const BLOCK_STYLE =
  'box-sizing: border-box; margin: 0px 0px 1.5em; padding: 0px; border: 0px; font-style: normal; font-variant-ligatures: normal; font-variant-caps: normal; font-weight: 400; font-stretch: inherit; line-height: 1.6; font-family: Georgia, &quot;Times New Roman&quot;, serif; font-size: 18px; vertical-align: baseline; color: rgb(34, 34, 34); letter-spacing: normal; orphans: 2; text-align: start; text-indent: 0px; text-transform: none; widows: 2; word-spacing: 0px; -webkit-text-stroke-width: 0px; white-space: normal; background-color: rgb(255, 255, 255); text-decoration-thickness: initial; text-decoration-style: initial; text-decoration-color: initial;';
const INLINE_STYLE =
  'box-sizing: border-box; margin: 0px; padding: 0px; border: 0px; font: inherit; vertical-align: baseline;';
const LINK_STYLE =
  'box-sizing: border-box; margin: 0px; padding: 0px; border: 0px; font: inherit; vertical-align: baseline; color: rgb(0, 102, 153); text-decoration: underline;';

function pick<Item>(random: () => number, items: readonly Item[]): Item {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function words(random: () => number, count: number): string {
  return Array.from({ length: count }, () => pick(random, WORDS)).join(' ');
}

/** A sentence's worth of inline content: plain words, now and then a styled span, emphasis or a link. */
function inline(random: () => number, count: number, index: number): string {
  const parts: string[] = [];
  for (let written = 0; written < count;) {
    const roll = random();
    const length = 3 + Math.floor(random() * 8);
    const text = words(random, length);
    if (roll < 0.08) {
      parts.push(
        `<a href="/2026/11/related-${index}-${written}?utm_source=article&amp;utm_medium=inline" class="article-link css-1x2y3z" data-track="inline-link" rel="noopener" style="${LINK_STYLE}">${text}</a>`,
      );
    } else if (roll < 0.14) parts.push(`<em style="${INLINE_STYLE}">${text}</em>`);
    else if (roll < 0.18) parts.push(`<strong style="${INLINE_STYLE}">${text}</strong>`);
    else if (roll < 0.3) parts.push(`<span class="css-7q8r9s" style="${INLINE_STYLE}">${text}</span>`);
    else parts.push(text);
    written += length;
  }
  const sentence = parts.join(' ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function paragraph(random: () => number, index: number): string {
  return `<p class="paywall css-at9mc1 evys1bk0" data-testid="paragraph-${index}" style="${BLOCK_STYLE}">${inline(random, 50 + Math.floor(random() * 70), index)}</p>`;
}

function figure(random: () => number, index: number): string {
  const image = `https://static.news.example.com/images/2026/11/photo-${index}`;
  return (
    `<figure class="css-1t1y5f3" style="${BLOCK_STYLE}"><div class="css-ratio" style="${INLINE_STYLE}">` +
    `<img src="${image}-articleLarge.jpg" srcset="${image}-320.jpg 320w, ${image}-640.jpg 640w, ${image}-1024.jpg 1024w, ${image}-2048.jpg 2048w" sizes="(max-width: 600px) 100vw, 600px" alt="${words(random, 6)}" class="css-rq4mmj" decoding="async" loading="lazy" width="600" height="400" style="${INLINE_STYLE}"></div>` +
    `<figcaption class="css-jevhq3" style="${INLINE_STYLE}"><span style="${INLINE_STYLE}">${words(random, 14)}</span><span class="credit" style="${INLINE_STYLE}">Photo: A. Photographer</span></figcaption></figure>`
  );
}

function shareButtons(index: number): string {
  const icon = `<svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true"><path fill="currentColor" d="M18.5 5.5c-.6.3-1.3.5-2 .6.7-.4 1.3-1.1 1.5-1.9-.7.4-1.4.7-2.2.9a3.4 3.4 0 0 0-5.8 3.1A9.7 9.7 0 0 1 3 4.6a3.4 3.4 0 0 0 1 4.6c-.5 0-1.1-.2-1.5-.4 0 1.7 1.2 3.1 2.7 3.4-.5.1-1 .2-1.5.1.4 1.4 1.7 2.4 3.2 2.4A6.9 6.9 0 0 1 2 16.1 9.7 9.7 0 0 0 7.2 17.6c6.3 0 9.7-5.2 9.7-9.7v-.4c.6-.5 1.2-1.1 1.6-1.7z"></path></svg>`;
  const button = (network: string) =>
    `<li class="share-item" style="${INLINE_STYLE}"><button type="button" class="share-button css-share" aria-label="Share on ${network}" data-share="${network}-${index}" style="${INLINE_STYLE}">${icon}</button></li>`;
  return `<ul class="share-tools" style="${BLOCK_STYLE}">${['twitter', 'facebook', 'email', 'link'].map(button).join('')}</ul>`;
}

function table(random: () => number): string {
  const cell = (tag: string) => `<${tag} style="${INLINE_STYLE}">${words(random, 2)}</${tag}>`;
  const row = (tag: string) => `<tr>${[1, 2, 3, 4].map(() => cell(tag)).join('')}</tr>`;
  return `<table class="data-table" style="${BLOCK_STYLE}"><thead>${row('th')}</thead><tbody>${Array.from({ length: 6 }, () => row('td')).join('')}</tbody></table>`;
}

function script(index: number): string {
  return `<script type="text/javascript">window.__ads = window.__ads || []; window.__ads.push({ slot: "inline-${index}", sizes: [[300, 250], [728, 90]], targeting: { section: "world", position: ${index} } }); if (document.readyState !== "loading") { window.__renderAds && window.__renderAds(); }</script>`;
}

function styleBlock(index: number): string {
  return `<style>.css-at9mc1-${index}{margin:0 0 1.5em;font-family:Georgia,serif}.css-1x2y3z-${index}:hover{color:#036}@media (max-width:600px){.css-at9mc1-${index}{font-size:16px}}</style>`;
}

function list(random: () => number, index: number): string {
  const items = Array.from(
    { length: 3 + Math.floor(random() * 3) },
    () => `<li style="${INLINE_STYLE}">${inline(random, 12, index)}</li>`,
  );
  return `<ul class="css-list" style="${BLOCK_STYLE}">${items.join('')}</ul>`;
}

/** A section's blocks: a heading, paragraphs, and now and then a figure, list, table or script. */
function sectionBlocks(random: () => number, index: number): string[] {
  const blocks = [`<h2 class="css-heading" style="${BLOCK_STYLE}">${words(random, 6)}</h2>`];
  const paragraphs = 4 + Math.floor(random() * 4);
  for (let count = 0; count < paragraphs; count += 1) blocks.push(paragraph(random, index * 10 + count));
  if (index % 2 === 0) blocks.push(figure(random, index));
  if (index % 3 === 1) {
    blocks.push(
      `<blockquote class="pull-quote" style="${BLOCK_STYLE}"><p style="${BLOCK_STYLE}">${inline(random, 25, index)}</p></blockquote>`,
    );
  }
  if (index % 4 === 2) blocks.push(list(random, index));
  if (index % 5 === 3) blocks.push(shareButtons(index));
  if (index % 7 === 5) blocks.push(script(index));
  if (index % 9 === 4) blocks.push(styleBlock(index));
  if (index % 11 === 6) blocks.push(table(random));
  return blocks;
}

const SECTION_OPENING = `<section class="meteredContent css-1r7ky0e" name="articleBody" style="${INLINE_STYLE}"><div class="css-53u6y8" style="${INLINE_STYLE}"><div class="StoryBodyCompanionColumn css-1fanzo5" style="${INLINE_STYLE}">`;
const SECTION_CLOSING = '</div></div></section>';

/** The page's own layout around the article (a script-built page nests it this deep), which a select-all copies too. */
const PAGE_OPENING =
  '<div id="app"><div class="css-1x8rm0z"><div class="css-page"><main id="site-content" class="css-1r9x5wn"><div class="css-1t4o2j1"><div class="css-article-wrapper">';
const PAGE_CLOSING = '</div></div></main></div></div></div>';

export interface CopiedArticleOptions {
  /** About how long the HTML is (never longer, so that it stays within the clipboard limit however it is wrapped). */
  readonly characters: number;
  /**
   * Chromium writes every element's computed style inline; Firefox copies the page's own markup,
   * classes and all, without them, so the same size holds several times as many elements.
   */
  readonly inlineStyles: boolean;
}

/** The text/html format of an article copied whole, block by block until it is long enough. */
export function copiedArticleHtml(options: CopiedArticleOptions): string {
  const random = seededRandom(options.characters);
  const finish = (html: string) => (options.inlineStyles ? html : html.replace(/ style="[^"]*"/g, ''));
  const opening = finish(
    `<meta charset='utf-8'>${PAGE_OPENING}<article id="story" class="css-1vxca1d" style="${INLINE_STYLE}"><header style="${INLINE_STYLE}">` +
      `<h1 data-testid="headline" class="css-1j8j4ug" style="${BLOCK_STYLE}">${words(random, 9)}</h1>` +
      `<p class="byline" style="${BLOCK_STYLE}">By <span class="css-1baulvz" itemprop="name" style="${INLINE_STYLE}"><a href="/by/a-reporter" class="css-n8ff4n" style="${LINK_STYLE}">A. Reporter</a></span> · <time datetime="2026-11-20T09:00:00Z" style="${INLINE_STYLE}">Nov. 20, 2026</time></p>` +
      `</header>${shareButtons(0)}`,
  );
  const closing = `</article>${PAGE_CLOSING}`;
  const sectionOpening = finish(SECTION_OPENING);
  const parts = [opening];
  let length = opening.length + closing.length;
  for (let index = 0; ; index += 1) {
    const room = options.characters - length - sectionOpening.length - SECTION_CLOSING.length;
    const blocks: string[] = [];
    let used = 0;
    for (const block of sectionBlocks(random, index).map(finish)) {
      if (used + block.length > room) break;
      blocks.push(block);
      used += block.length;
    }
    if (blocks.length === 0) break;
    parts.push(sectionOpening, ...blocks, SECTION_CLOSING);
    length += sectionOpening.length + used + SECTION_CLOSING.length;
  }
  parts.push(closing);
  return parts.join('');
}

/** The same HTML as Chromium on Windows writes it: CF_HTML with UTF-8 byte offsets and SourceURL. */
export function asWindowsHtml(fragment: string, sourceUrl: string): string {
  const before = '<html>\r\n<body>\r\n<!--StartFragment-->';
  const after = '<!--EndFragment-->\r\n</body>\r\n</html>';
  const header = (offsets: readonly number[]) =>
    `Version:0.9\r\nStartHTML:${pad(offsets[0])}\r\nEndHTML:${pad(offsets[1])}\r\nStartFragment:${pad(offsets[2])}\r\nEndFragment:${pad(offsets[3])}\r\nSourceURL:${sourceUrl}\r\n`;
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  const headerBytes = bytes(header([0, 0, 0, 0]));
  const startFragment = headerBytes + bytes(before);
  const endFragment = startFragment + bytes(fragment);
  const endHtml = endFragment + bytes(after);
  return header([headerBytes, endHtml, startFragment, endFragment]) + before + fragment + after;
}

function pad(value: number | undefined): string {
  return String(value ?? 0).padStart(10, '0');
}
