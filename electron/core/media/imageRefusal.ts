import { AppError } from '../../../shared/result';

/** An image refused, with a message the writer can act on. */
export function refusal(message: string): AppError {
  return new AppError('invalid-input', message);
}

/** The refusal of an image past the pixel limit (a possible decompression bomb), naming its size. */
export function tooManyPixels(width: number, height: number, maxPixels: number): AppError {
  return refusal(
    `The image is ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels, more than the ` +
      `${Math.round(maxPixels / 1e6)} megapixels the app accepts (a file this size can exhaust memory when decoded).`,
  );
}
