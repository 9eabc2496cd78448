import { extensionOf, type ImageMediaType, type MediaFile } from '../../../shared/model/image';
import { hostOf, type HttpResponse } from './http/request';
import { PublishingError } from './publishingError';

/** One library image as a blog receives it: bytes already scaled for that blog, and its words. */
export interface ImageUpload {
  /** The library file it comes from: what the per-blog record of uploads is keyed by. */
  readonly file: MediaFile;
  /** The name the blog is given ("cp-<16 hex of the hash>.<ext>"): how the upload is found again. */
  readonly name: string;
  readonly type: ImageMediaType;
  readonly data: Uint8Array;
  readonly alt: string;
  readonly caption: string;
}

/** An image on the blog: its address (what the post's <img> points at) and its id where the blog has one. */
export interface RemoteImage {
  readonly remoteId: string | null;
  readonly url: string;
}

/** Whether and how a blog takes images, known before anything is sent. */
export type ImageSupport =
  /** `findable`: an upload can be found again by its name after an answer was lost. */
  | { readonly kind: 'uploads'; readonly findable: boolean }
  /** The blog takes no images through its API; `reason` says what the writer can do. */
  | { readonly kind: 'refuses'; readonly reason: string };

/**
 * What every blog protocol offers for images. Adapters for other kinds of blog (a static site's
 * folder) implement the same three members: the outbox needs nothing else.
 */
export interface ImageUploader {
  /** Asked before anything of a post is sent (Micropub learns it from the server). */
  imageSupport(): Promise<ImageSupport>;
  /** Sends the image. Not idempotent: after an ambiguous failure, call `findImage` first. */
  uploadImage(upload: ImageUpload): Promise<RemoteImage>;
  /** The image an earlier upload made under `upload.name`, or null (always null where it cannot be found). */
  findImage(upload: Pick<ImageUpload, 'file' | 'name'>): Promise<RemoteImage | null>;
}

/** How a blog names a featured image: by its id where it has one (WordPress), else by its address. */
export function featuredReference(image: RemoteImage | null | undefined): string | null {
  return image ? (image.remoteId ?? image.url) : null;
}

/** "cp-<first 16 hex digits of the SHA-256>": the title WordPress derives from the upload's name. */
export function uploadTitle(file: MediaFile): string {
  return `cp-${file.slice(0, 16)}`;
}

/** The file name a blog is given for a library image. */
export function uploadName(file: MediaFile): string {
  return `${uploadTitle(file)}.${extensionOf(file)}`;
}

/**
 * A blog's refusal of an image as too large (413, or its own words for it) as a failure the writer
 * must act on, with the limit when the blog said one; null for any other answer.
 */
export function tooLargeRefusal(response: HttpResponse, said: string): PublishingError | null {
  const tooLarge = response.status === 413 || /too (big|large)|exceeds|maximum upload|file size/i.test(said);
  if (!tooLarge) return null;
  const limit = /(\d+(?:\.\d+)?\s*(?:[KMG]i?B|bytes|kilobytes|megabytes))/i.exec(said)?.[1];
  return new PublishingError(
    'too-large',
    `${hostOf(response.url)} refused the image as too large${limit ? ` (its limit: ${limit})` : ''}.` +
      `${said === '' ? '' : ` The blog said: "${said}"`} Make the image smaller for this blog and publish again.`,
    { status: response.status },
  );
}
