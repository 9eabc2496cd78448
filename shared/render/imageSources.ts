import type { MediaFile } from '../model/image';

/** Where the shared renderer's HTML names a library image: the src of an <img>, the only place it may. */
const mediaSource = /\ssrc="media:([0-9a-f]{64}\.(?:jpg|png|webp|gif))"/g;

/**
 * The renderer's HTML with each library image given its address: the preview's (a local route)
 * or a blog's (the uploaded file's URL). Nothing else changes, which is what keeps a post on the
 * blog equal to its preview but for each image's src. An image without an address keeps its
 * media: reference, which no browser loads and publishing refuses (see imagesWithoutAddress).
 */
export function withImageAddresses(html: string, addressOf: (file: MediaFile) => string | null): string {
  if (!html.includes('media:')) return html;
  return html.replace(mediaSource, (whole, file: string) => {
    const address = addressOf(file);
    return address === null
      ? whole
      : ` src="${address.replace(/[&"<>]/g, (character) => `&#${character.charCodeAt(0)};`)}"`;
  });
}

/** The library images the HTML still names by media: reference, in order, each once. */
export function imagesWithoutAddress(html: string): MediaFile[] {
  return [...new Set([...html.matchAll(mediaSource)].map((match) => match[1] ?? ''))];
}
