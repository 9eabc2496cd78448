import type { DraftContent } from '../model/draft';
import type { ImagePlace, MediaFile } from '../model/image';

/** How markdown names a library image: `![alt](media:<sha256>.<ext> "caption")`. */
export const MEDIA_SCHEME = 'media:';

/**
 * A library image referenced from markdown. The alt text and caption are the writer's words at
 * that place in the text, so they live in the text; what the file is lives in the library.
 */
export interface ImageReference {
  readonly file: MediaFile;
  readonly alt: string;
  readonly caption: string;
  /** Where the reference starts and ends in the markdown. */
  readonly start: number;
  readonly end: number;
}

/** An image named `<prefix><sha256>.<ext>`: its alt text, file and caption, as written. */
function imagePattern(prefix: ImageFolderPrefix): RegExp {
  return new RegExp(
    String.raw`!\[((?:\\[\s\S]|[^\\\]])*)\]\(${prefix}([0-9a-f]{64}\.(?:jpg|png|webp|gif))(?:[ \t]+"((?:\\[\s\S]|[^\\"])*)")?\)`,
    'g',
  );
}

const referencePattern = imagePattern(MEDIA_SCHEME);

/**
 * Where an HTML export's images are, once its body is read back as markdown: the relative
 * `media/<file>` resolved against a base that names no real place (`.invalid` is reserved), so
 * that the conversion, which keeps only absolute image addresses, keeps them.
 */
export const EXPORTED_HTML_BASE = 'https://commonplace-export.invalid/';

/** Where markdown that leaves the library names its images: in front of their file names. */
export type ImageFolderPrefix = typeof MEDIA_SCHEME | 'media/' | `${typeof EXPORTED_HTML_BASE}media/`;

/**
 * The markdown with each image named `<from><file>` given another destination, byte for byte
 * the same otherwise (alt text and caption as written), so that moving the images back gives the
 * markdown that went out. `to` returning null leaves that image as it was. Destinations are
 * written with the characters that would end them in Markdown (spaces, parentheses, angle
 * brackets) percent-encoded, as a web address may be.
 */
export function withImageDestinations(
  markdown: string,
  from: ImageFolderPrefix,
  to: (file: MediaFile) => string | null,
): string {
  if (!markdown.includes(from)) return markdown;
  return markdown.replace(imagePattern(from), (whole, alt: string, file: string) => {
    const destination = to(file);
    if (destination === null) return whole;
    const rest = whole.slice(`![${alt}](${from}${file}`.length);
    const safe = destination.replace(
      /[\s()<>]/g,
      (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
    return `![${alt}](${safe}${rest}`;
  });
}

/** Every library image the markdown refers to, in order. */
export function imageReferences(markdown: string): ImageReference[] {
  const found: ImageReference[] = [];
  for (const match of markdown.matchAll(referencePattern)) {
    const [whole, alt = '', file = '', caption = ''] = match;
    found.push({
      file,
      alt: unescape(alt),
      caption: unescape(caption),
      start: match.index,
      end: match.index + whole.length,
    });
  }
  return found;
}

/**
 * The markdown for a library image; one line, whatever the alt text and caption hold (line
 * breaks become spaces; nothing is trimmed, so the words can be edited in place letter by letter).
 */
export function imageMarkdown(file: MediaFile, alt: string, caption = ''): string {
  const title = caption === '' ? '' : ` "${oneLine(caption).replace(/[\\"]/g, '\\$&')}"`;
  return `![${oneLine(alt).replace(/[\\[\]]/g, '\\$&')}](${MEDIA_SCHEME}${file}${title})`;
}

/** The markdown with the reference at `reference.start` given new alt text (its caption kept). */
export function withAltText(markdown: string, reference: ImageReference, alt: string): string {
  return (
    markdown.slice(0, reference.start) +
    imageMarkdown(reference.file, alt, reference.caption) +
    markdown.slice(reference.end)
  );
}

/** One use of a library image somewhere in a draft. */
export interface ImageUse {
  readonly file: MediaFile;
  readonly place: ImagePlace;
  readonly quoteId: string | null;
  readonly alt: string;
  readonly caption: string;
}

/** Every library image a draft uses: in its commentary, in its quotes, and as its featured image. */
export function imageUses(content: Pick<DraftContent, 'commentary' | 'quotes' | 'featuredImage'>): ImageUse[] {
  const uses: ImageUse[] = [];
  if (content.featuredImage !== null) {
    const { file, alt } = content.featuredImage;
    uses.push({ file, place: 'featured', quoteId: null, alt, caption: '' });
  }
  for (const { file, alt, caption } of imageReferences(content.commentary)) {
    uses.push({ file, place: 'commentary', quoteId: null, alt, caption });
  }
  for (const quote of content.quotes) {
    for (const { file, alt, caption } of imageReferences(quote.excerpt)) {
      uses.push({ file, place: 'quote', quoteId: quote.id, alt, caption });
    }
  }
  return uses;
}

/**
 * What is left of library image references the writer's typing broke: a `media:` name of a file
 * (hex digits after the scheme) outside every whole reference. Such a remnant never reaches a blog
 * as an image (the sanitizer drops an image that names no file exactly, and a reference that lost
 * its `!` or a bracket is text), so the writer has to be told before the image silently goes.
 */
export function brokenImageReferences(content: Pick<DraftContent, 'commentary' | 'quotes'>): number {
  return [content.commentary, ...content.quotes.map((quote) => quote.excerpt)].reduce(
    (count, markdown) => count + brokenReferencesIn(markdown),
    0,
  );
}

function brokenReferencesIn(markdown: string): number {
  if (!/media:/i.test(markdown)) return 0;
  const whole = imageReferences(markdown);
  const outsideWhole = (index: number) => !whole.some(({ start, end }) => start <= index && index < end);
  return [...markdown.matchAll(/media:[0-9a-f]{8}/gi)].filter((match) => outsideWhole(match.index)).length;
}

/** The distinct files a draft uses. */
export function filesUsed(content: Pick<DraftContent, 'commentary' | 'quotes' | 'featuredImage'>): Set<MediaFile> {
  return new Set(imageUses(content).map((use) => use.file));
}

/** How many images in the commentary and quotes have no alt text (the featured image counts too). */
export function missingAltTexts(content: Pick<DraftContent, 'commentary' | 'quotes' | 'featuredImage'>): number {
  return imageUses(content).filter((use) => use.alt.trim() === '').length;
}

function unescape(text: string): string {
  return text.replace(/\\([\s\S])/g, '$1');
}

function oneLine(text: string): string {
  return text.replace(/\s/g, ' ');
}
