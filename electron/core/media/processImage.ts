import { createHash } from 'node:crypto';
import type { Sharp, SharpOptions } from 'sharp';
import { loadSharp } from './loadSharp';
import { extensionOf, type ImageExtension, type MediaFile } from '../../../shared/model/image';
import { limits } from '../../../shared/model/limits';
import type { AppError } from '../../../shared/result';
import { decodeHeic } from './decodeHeic';
import { refusal, tooManyPixels } from './imageRefusal';
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
  /** How long a HEIC photo may take to decode (see decodeHeic); other formats decode in sharp. */
  readonly maxHeicDecodeMs?: number;
}

const defaultLimits: ImageLimits = { maxBytes: limits.imageBytes, maxPixels: limits.imagePixels };

/** A 48-megapixel photo took 7 s to decode on two busy cores; a minute means something is wrong with the file. */
const defaultHeicDecodeMs = 60_000;

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
 * (libvips; HEVC-coded HEIC by decodeHeic), turned upright by its EXIF orientation (a HEIC by its
 * own rotation and mirroring), and encoded again without any metadata, so
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
  const { width, height, compression } = await readHeader(input, { ...options_, limitInputPixels: false });
  if (width * height > options.maxPixels) throw tooManyPixels(width, height, options.maxPixels);
  const ext = keptAs[sniffed.format];
  const sharp = await loadSharp();
  let source: Sharp;
  if (compression === 'hevc') {
    // The pixels come upright and bare: no EXIF travels with them, so rotate() below leaves them be.
    const pixels = await decodeHeic(input, {
      maxPixels: options.maxPixels,
      maxMs: options.maxHeicDecodeMs ?? defaultHeicDecodeMs,
    });
    const raw = { width: pixels.width, height: pixels.height, channels: 4 } as const;
    // Kept as JPEG, which has no transparency: what was transparent shows on white, as on most blogs.
    source = sharp(pixels.data, { raw, limitInputPixels: options.maxPixels }).flatten({ background: '#ffffff' });
  } else {
    source = sharp(input, options_);
  }
  try {
    const { data, info } = await encoded(source.rotate(), ext).toBuffer({ resolveWithObject: true });
    return { data, ext, width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    throw damaged(error);
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
): Promise<{
  readonly width: number;
  readonly height: number;
  readonly frameHeight: number;
  /** How a HEIF file's pictures are coded ('hevc', 'av1'); undefined for other formats. */
  readonly compression: string | undefined;
}> {
  const sharp = await loadSharp();
  try {
    const { width, height, pageHeight, compression } = await sharp(input, options).metadata();
    return { width, height, frameHeight: pageHeight ?? height, compression };
  } catch (error) {
    throw damaged(error);
  }
}

// Without withMetadata() sharp writes no EXIF, XMP, IPTC or ICC chunk: the point of re-encoding.
function encoded(pipeline: Sharp, ext: ImageExtension): Sharp {
  if (ext === 'jpg') return pipeline.jpeg({ quality: 90 });
  if (ext === 'png') return pipeline.png();
  if (ext === 'webp') return pipeline.webp({ quality: 90 });
  return pipeline.gif();
}

function damaged(error: unknown): AppError {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  if (/pixel limit/i.test(detail)) {
    return refusal('The image would decode to more pixels than the app accepts (a possible decompression bomb).');
  }
  return refusal(`The image could not be read: it is damaged or cut short (${detail}).`);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
