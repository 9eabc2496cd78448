import type { Quote } from '../../../shared/model/draft';
import type { MediaFile } from '../../../shared/model/image';

/** An image a quote still shows from the web: `![alt](https://… "caption")`. */
const webImage = /(!\[(?:\\[\s\S]|[^\\\]])*\]\()(https?:[^\s)]+)(?=[\s)])/g;

/** The web addresses of the images a quote still shows from the web, each once. */
export function webImagesOf(quote: Pick<Quote, 'excerpt'>): string[] {
  return [...new Set([...quote.excerpt.matchAll(webImage)].map((match) => match[2] ?? ''))];
}

/** The excerpt with the image at `url` shown from the library instead. */
export function withLibraryImage(excerpt: string, url: string, file: MediaFile): string {
  return excerpt.replace(webImage, (whole, opening: string, address: string) =>
    address === url ? `${opening}media:${file}` : whole,
  );
}
