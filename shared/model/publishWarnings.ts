import { brokenImageReferences } from '../media/references';
import { renderPostBody } from '../render/post';
import { resolveRelativeDate } from '../text/relativeDate';
import { countWords } from '../text/words';
import type { DraftContent } from './draft';

/** Something a writer may want to fix before publishing; never a reason the app refuses to. */
export type PublishWarning =
  | { readonly kind: 'untitled' }
  | { readonly kind: 'quote-without-source'; readonly quote: number }
  | { readonly kind: 'long-quote'; readonly quote: number; readonly words: number; readonly limit: number }
  /** A date as the page wrote it; `resolved` is the day it names, read against the capture time. */
  | { readonly kind: 'vague-date'; readonly quote: number; readonly text: string; readonly resolved: string | null }
  | { readonly kind: 'image-without-alt'; readonly count: number }
  | { readonly kind: 'broken-image'; readonly count: number };

/** How many words of one quote still read as a fair excerpt; the writer can change it. */
export const DEFAULT_FAIR_EXCERPT_WORDS = 300;

/** What is worth a second look in a draft before it goes out, in the order a writer meets it. */
export function publishWarnings(
  content: DraftContent,
  options: { readonly fairExcerptWords: number },
): PublishWarning[] {
  const warnings: PublishWarning[] = [];
  if (content.title.trim() === '') warnings.push({ kind: 'untitled' });
  content.quotes.forEach(({ excerpt, source }, index) => {
    const quote = index + 1;
    if (
      source.url === null &&
      source.title.trim() === '' &&
      source.author.trim() === '' &&
      source.siteName.trim() === ''
    ) {
      warnings.push({ kind: 'quote-without-source', quote });
    }
    const words = countWords(excerpt);
    if (words > options.fairExcerptWords)
      warnings.push({ kind: 'long-quote', quote, words, limit: options.fairExcerptWords });
    if (source.publishedAt === null && source.publishedAtText.trim() !== '') {
      const text = source.publishedAtText.trim();
      const resolved = source.capturedAt === null ? null : resolveRelativeDate(text, source.capturedAt);
      warnings.push({ kind: 'vague-date', quote, text, resolved });
    }
  });
  const images = renderPostBody(content).match(/<img\b[^>]*>/g) ?? [];
  const withoutAlt = images.filter((image) => !/\salt="[^"]*\S[^"]*"/.test(image)).length;
  if (withoutAlt > 0) warnings.push({ kind: 'image-without-alt', count: withoutAlt });
  const broken = brokenImageReferences(content);
  if (broken > 0) warnings.push({ kind: 'broken-image', count: broken });
  return warnings;
}

/** The warning as the publish panel says it. */
export function describeWarning(warning: PublishWarning): string {
  switch (warning.kind) {
    case 'untitled':
      return 'The post has no title: blogs show it as “(no title)” or make one from the text.';
    case 'quote-without-source':
      return `Quote ${warning.quote} has no source: readers cannot tell whose words they are.`;
    case 'long-quote':
      return `Quote ${warning.quote} is ${warning.words} words, more than a fair excerpt (${warning.limit}).`;
    case 'vague-date':
      return warning.resolved === null
        ? `Quote ${warning.quote}’s date “${warning.text}” is not a date, and readers will see it as it is.`
        : `Quote ${warning.quote}’s date “${warning.text}” is not a date: it was ${warning.resolved} when you copied it.`;
    case 'image-without-alt':
      return warning.count === 1
        ? 'An image has no alt text: readers who cannot see it get nothing.'
        : `${warning.count} images have no alt text: readers who cannot see them get nothing.`;
    case 'broken-image':
      return warning.count === 1
        ? 'An image’s reference was changed by typing, so the image will not appear: undo the change or insert the image again.'
        : `${warning.count} images’ references were changed by typing, so those images will not appear: undo the changes or insert the images again.`;
  }
}
