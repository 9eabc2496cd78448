import { z } from 'zod';
import { limits } from './limits';

/** The formats the library keeps images in; every accepted input becomes one of them. */
export const ImageExtensionSchema = z.enum(['jpg', 'png', 'webp', 'gif']);
export type ImageExtension = z.infer<typeof ImageExtensionSchema>;

/** Each kept format's media type, for serving and uploading. */
export const imageMediaTypes = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
} as const satisfies Record<ImageExtension, string>;
export type ImageMediaType = (typeof imageMediaTypes)[ImageExtension];

/**
 * An image in the library by content: the SHA-256 of its processed bytes and its format, as its
 * file name in media/ ("<64 hex digits>.<ext>"). Equal bytes, equal name; an edited image is a
 * new file, never a changed one.
 */
export const MediaFileSchema = z
  .string()
  .regex(/^[0-9a-f]{64}\.(?:jpg|png|webp|gif)$/, 'an image file is named by its SHA-256 and format');
export type MediaFile = z.infer<typeof MediaFileSchema>;

/** The format of a library image, from its name. */
export function extensionOf(file: MediaFile): ImageExtension {
  return ImageExtensionSchema.parse(file.slice(file.lastIndexOf('.') + 1));
}

/** The featured image of a draft: one of the library's images, with its own alt text. */
export const FeaturedImageSchema = z.strictObject({
  file: MediaFileSchema,
  alt: z.string().max(limits.altTextCharacters),
});
export type FeaturedImage = z.infer<typeof FeaturedImageSchema>;

/** What the library knows of one of its images: read from the file, the same for every draft. */
export const ImageInfoSchema = z.strictObject({
  file: MediaFileSchema,
  type: z.enum(Object.values(imageMediaTypes)),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
});
export type ImageInfo = z.infer<typeof ImageInfoSchema>;

/** Where a draft uses an image. */
export const ImagePlaceSchema = z.enum(['commentary', 'quote', 'featured']);
export type ImagePlace = z.infer<typeof ImagePlaceSchema>;

/** One use of an image in a draft, with the words the writer gave it there. */
export const DraftImageSchema = z.strictObject({
  file: MediaFileSchema,
  place: ImagePlaceSchema,
  /** The quote's id when `place` is "quote". */
  quoteId: z.string().nullable(),
  alt: z.string(),
  caption: z.string(),
  /** Null when the file is missing from the library (a draft copied without its media folder). */
  info: ImageInfoSchema.nullable(),
});
export type DraftImage = z.infer<typeof DraftImageSchema>;

/** An image sent from the page: its bytes in base64 (JSON carries no bytes) and the name it had. */
export const NewImageSchema = z.strictObject({
  name: z.string().max(255),
  data: z.base64().max(Math.ceil(limits.imageBytes / 3) * 4, 'the image is larger than the library accepts'),
});
