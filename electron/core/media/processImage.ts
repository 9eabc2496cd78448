import { createHash } from 'node:crypto';
import type { Sharp, SharpOptions } from 'sharp';
import { loadSharp } from './loadSharp';
import { extensionOf, type ImageExtension, type MediaFile } from '../../../shared/model/image';
import { limits } from '../../../shared/model/limits';
import { AppError } from '../../../shared/result';
import { sniffImageType } from './imageType';

/** An image as the library keeps it: upright, without metadata, in one of the kept formats. */
export interface ProcessedImage {
  readonly data: Buffer;
  readonly ext: ImageExtension;
  readonly width: number;
  readonly height: number;
}

export interface ImageLimits {
  readonly maxBytes: number;
  readonly maxPixels: number;
}

const defaultLimits: ImageLimits = { maxBytes: limits.imageBytes, maxPixels: limits.imagePixels };

/** How each readable input is kept: its own format where a browser shows it, else JPEG. */
const keptAs: Readonly<Record<'jpeg' | 'png' | 'gif' | 'webp' | 'heic' | 'avif', ImageExtension>> = {
  jpeg: 'jpg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  heic: 'jpg',
  avif: 'jpg',
};

/**
 * Reads an untrusted image file and returns it as the library keeps it: decoded by sharp
 * (libvips), turned upright by its EXIF orientation, and encoded again without any metadata, so
 * that EXIF, GPS, XMP and the camera's maker notes never leave the machine. What is not an image,
 * an SVG (which may carry script), a file too large, or an image that would decode to more than
 * `maxPixels` (a decompression bomb) or is damaged is refused with a message for the writer,
 * before anything is stored.
 */
export async function processImage(input: Uint8Array, options: ImageLimits = defaultLimits): Promise<ProcessedImage> {
  if (input.byteLength === 0) throw refusal('The file is empty.');
  if (input.byteLength > options.maxBytes) {
    throw refusal(
      `The file is ${megabytes(input.byteLength)}; images up to ${megabytes(options.maxBytes)} are accepted.`,
    );
  }
  const sniffed = sniffImageType(input);
  if (sniffed.kind === 'svg') {
    throw refusal('SVG images are not accepted, because they can carry scripts. Export it as PNG and add that.');
  }
  if (sniffed.kind === 'html') throw refusal('This file is not an image: it holds a web page (HTML).');
  if (sniffed.kind === 'unknown') {
    throw refusal('This file is not an image the app can read (JPEG, PNG, WebP, GIF or HEIC).');
  }
  const options_ = { failOn: 'error', limitInputPixels: options.maxPixels, animated: true } as const;
  // The header alone is read without the pixel limit, so a bomb is named with its size.
  const { width, height } = await readHeader(input, { ...options_, limitInputPixels: false });
  if (width * height > options.maxPixels) {
    throw refusal(
      `The image is ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels, more than the ` +
        `${Math.round(options.maxPixels / 1e6)} megapixels the app accepts (a file this size can exhaust memory when decoded).`,
    );
  }
  const ext = keptAs[sniffed.format];
  const sharp = await loadSharp();
  try {
    const { data, info } = await encoded(sharp(input, options_).rotate(), ext).toBuffer({ resolveWithObject: true });
    return { data, ext, width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    throw damaged(error, sniffed.format);
  }
}

/**
 * A copy of a library image coming back (an export's media/ folder), checked to be exactly the
 * file its name says: the SHA-256 of its bytes is the name's, its bytes are that format's, and
 * its size is within the pixel limit. It is kept as it is, not processed again: re-encoding would
 * give other bytes, so another name, and the drafts that name it would lose it. Throws
 * AppError('invalid-input') saying what is wrong.
 */
export async function checkedLibraryCopy(file: MediaFile, data: Uint8Array): Promise<ProcessedImage> {
  const hash = createHash('sha256').update(data).digest('hex');
  if (`${hash}.${extensionOf(file)}` !== file) {
    throw refusal('It is not the image its name says: its content has changed since it was exported.');
  }
  const sniffed = sniffImageType(data);
  if (sniffed.kind !== 'image' || keptAs[sniffed.format] !== extensionOf(file) || sniffed.format === 'heic') {
    throw refusal(`It is not a ${extensionOf(file).toUpperCase()} image.`);
  }
  const { width, height, frameHeight } = await readHeader(data, {
    failOn: 'error',
    limitInputPixels: false,
    animated: true,
  });
  if (width * height > limits.imagePixels) {
    throw refusal(
      `It is ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels, more than the app accepts.`,
    );
  }
  return { data: Buffer.from(data), ext: extensionOf(file), width, height: frameHeight };
}

/** The image scaled down to fit `maxLongSide` on its long side, in the same format; as it is when it fits. */
export async function scaledToFit(
  image: Pick<ProcessedImage, 'data' | 'ext'>,
  maxLongSide: number,
): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  const pipeline = sharp(image.data, { animated: true, limitInputPixels: limits.imagePixels });
  const { width, height, pageHeight } = await pipeline.metadata();
  const frameHeight = pageHeight ?? height;
  if (Math.max(width, frameHeight) <= maxLongSide) return { ...image, width, height: frameHeight };
  const resized = pipeline.resize({ width: maxLongSide, height: maxLongSide, fit: 'inside', withoutEnlargement: true });
  const { data, info } = await encoded(resized, image.ext).toBuffer({ resolveWithObject: true });
  return { data, ext: image.ext, width: info.width, height: info.pageHeight ?? info.height };
}

async function readHeader(
  input: Uint8Array,
  options: SharpOptions,
): Promise<{ readonly width: number; readonly height: number; readonly frameHeight: number }> {
  const sharp = await loadSharp();
  try {
    const { width, height, pageHeight } = await sharp(input, options).metadata();
    return { width, height, frameHeight: pageHeight ?? height };
  } catch (error) {
    throw damaged(error, null);
  }
}

// Without withMetadata() sharp writes no EXIF, XMP, IPTC or ICC chunk: the point of re-encoding.
function encoded(pipeline: Sharp, ext: ImageExtension): Sharp {
  if (ext === 'jpg') return pipeline.jpeg({ quality: 90 });
  if (ext === 'png') return pipeline.png();
  if (ext === 'webp') return pipeline.webp({ quality: 90 });
  return pipeline.gif();
}

function damaged(error: unknown, format: string | null): AppError {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  if (/pixel limit/i.test(detail)) {
    return refusal('The image would decode to more pixels than the app accepts (a possible decompression bomb).');
  }
  if (format === 'heic' && /compression format|not built|unsupported|no decoder/i.test(detail)) {
    return refusal('This HEIC image cannot be read here. Export it as JPEG (Photos: File → Export) and add that.');
  }
  return refusal(`The image could not be read: it is damaged or cut short (${detail}).`);
}

function refusal(message: string): AppError {
  return new AppError('invalid-input', message);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
