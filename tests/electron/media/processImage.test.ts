import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processImage, scaledToFit, type ImageLimits } from '../../../electron/core/media/processImage';
import { sniffImageType } from '../../../electron/core/media/imageType';
import { heicClaiming, heicFixture, htmlNamedPng, pngClaiming, sampleImage, svgWithScript } from './support/images';

async function refusalOf(bytes: Uint8Array, options?: ImageLimits): Promise<string> {
  const error = await processImage(bytes, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toMatchObject({ kind: 'invalid-input' });
  return (error as Error).message;
}

describe('processImage', () => {
  it.each(['jpeg', 'png', 'webp', 'gif'] as const)('keeps a %s image in its format, with its size', async (format) => {
    const processed = await processImage(await sampleImage(format, 64, 48));
    expect(processed).toMatchObject({ width: 64, height: 48, ext: format === 'jpeg' ? 'jpg' : format });
    const meta = await sharp(processed.data).metadata();
    expect(meta.format).toBe(format);
  });

  it('strips EXIF and GPS: none of the location or camera survives in the bytes', async () => {
    const original = await sampleImage('png', 32, 32, { gps: true });
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect(original.includes('Spy 1')).toBe(true);
    const processed = await processImage(original);
    expect((await sharp(processed.data).metadata()).exif).toBeUndefined();
    expect(processed.data.includes('Spy 1')).toBe(false);
    expect(processed.data.includes('eXIf')).toBe(false);
    const jpeg = await processImage(await sampleImage('jpeg', 32, 32, { gps: true }));
    const meta = await sharp(jpeg.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(jpeg.data.includes('Exif')).toBe(false);
  });

  it('turns a photo upright by its EXIF orientation, and drops the orientation tag', async () => {
    // Orientation 6: the camera was turned a quarter; the stored 40×20 shows as 20×40.
    const processed = await processImage(await sampleImage('jpeg', 40, 20, { orientation: 6 }));
    expect({ width: processed.width, height: processed.height }).toEqual({ width: 20, height: 40 });
    expect((await sharp(processed.data).metadata()).orientation).toBeUndefined();
  });

  it('refuses an SVG (scripts), naming why', async () => {
    expect(await refusalOf(svgWithScript)).toMatch(/SVG images are not accepted, because they can carry scripts/);
  });

  it('refuses a .png that holds HTML', async () => {
    expect(await refusalOf(htmlNamedPng)).toMatch(/not an image: it holds a web page/);
  });

  it('refuses a 50,000 × 50,000 PNG header before decoding it', async () => {
    expect(await refusalOf(pngClaiming(50_000, 50_000))).toMatch(
      /50,000 × 50,000 pixels, more than the 100 megapixels/,
    );
  });

  it('refuses a truncated JPEG', async () => {
    const whole = await sampleImage('jpeg', 256, 256);
    expect(await refusalOf(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(/damaged or cut short/);
  });

  it('refuses empty files, other files and files past the size limit', async () => {
    expect(await refusalOf(new Uint8Array())).toMatch(/empty/);
    expect(await refusalOf(Buffer.from('%PDF-1.7 not a picture'))).toMatch(/not an image the app can read/);
    const big = await sampleImage('png', 8, 8);
    await expect(processImage(big, { maxBytes: 10, maxPixels: 1e6 })).rejects.toThrow(/images up to/);
  });

  it('gives equal bytes for equal input (the library names images by their content)', async () => {
    const input = await sampleImage('jpeg', 50, 50);
    const [first, second] = await Promise.all([processImage(input), processImage(input)]);
    expect(first.data.equals(second.data)).toBe(true);
  });
});

/** The colour of one pixel, as [red, green, blue]. */
async function colourAt(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

const red = [220, 20, 20];
const blue = [20, 20, 220];
const white = [255, 255, 255];

/** Whether two colours are the same but for lossy coding's small drift. */
function near(colour: number[], expected: number[]): boolean {
  return colour.every((value, index) => Math.abs(value - (expected[index] ?? -999)) <= 24);
}

describe('processImage: HEIC (HEVC, what an iPhone writes)', () => {
  it('keeps a HEIC as a JPEG of its size, with its pixels', async () => {
    const processed = await processImage(heicFixture('pattern'));
    expect(processed).toMatchObject({ width: 64, height: 48, ext: 'jpg' });
    const meta = await sharp(processed.data).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
      format: 'jpeg',
      width: 64,
      height: 48,
    });
    expect(near(await colourAt(processed.data, 4, 4), red)).toBe(true);
    expect(near(await colourAt(processed.data, 60, 44), blue)).toBe(true);
    expect(near(await colourAt(processed.data, 40, 10), white)).toBe(true);
  });

  it('turns it upright once, by its own transform (not again by its EXIF orientation), and drops EXIF and GPS', async () => {
    const original = heicFixture('rotated-gps');
    expect(original.includes('Spy 1')).toBe(true);
    const processed = await processImage(original);
    // Stored 64 × 48 and turned a quarter clockwise: the red square moves to the top right.
    expect({ width: processed.width, height: processed.height }).toEqual({ width: 48, height: 64 });
    expect(near(await colourAt(processed.data, 44, 4), red)).toBe(true);
    expect(near(await colourAt(processed.data, 4, 60), blue)).toBe(true);
    const meta = await sharp(processed.data).metadata();
    expect({ width: meta.width, height: meta.height, orientation: meta.orientation }).toEqual({
      width: 48,
      height: 64,
      orientation: undefined,
    });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(processed.data.includes('Exif')).toBe(false);
    expect(processed.data.includes('Spy 1')).toBe(false);
  });

  it('shows what was transparent on white, as JPEG has no transparency', async () => {
    const processed = await processImage(heicFixture('transparent'));
    expect(near(await colourAt(processed.data, 40, 10), white)).toBe(true);
    expect(near(await colourAt(processed.data, 4, 4), red)).toBe(true);
  });

  it('refuses a HEIC declaring 20,000 × 15,000 pixels before decoding it', async () => {
    // The same file declaring its own size is read; declaring a bomb's, it is refused by its size.
    await expect(processImage(heicClaiming(64, 48))).resolves.toMatchObject({ width: 64, height: 48 });
    expect(await refusalOf(heicClaiming(20_000, 15_000))).toMatch(
      /20,000 × 15,000 pixels, more than the 100 megapixels/,
    );
  });

  it('refuses a truncated HEIC, saying why', async () => {
    const whole = heicFixture('pattern');
    await expect(processImage(whole)).resolves.toMatchObject({ ext: 'jpg' });
    // Cut inside the pictures' data: the header still reads, the picture does not decode.
    expect(await refusalOf(whole.subarray(0, whole.length - 100))).toMatch(/damaged or cut short \(Decoding/);
    // Cut inside the header.
    expect(await refusalOf(whole.subarray(0, 200))).toMatch(/damaged or cut short/);
  });

  it('refuses a HEIC that takes longer to decode than allowed', async () => {
    const options = { maxBytes: 1e6, maxPixels: 1e6, maxHeicDecodeMs: 1 };
    expect(await refusalOf(heicFixture('pattern'), options)).toMatch(/took more than 0.001 s to decode/);
  });

  it('gives equal bytes for an equal HEIC (the library names images by their content)', async () => {
    const input = heicFixture('rotated-gps');
    const [first, second] = await Promise.all([processImage(input), processImage(input)]);
    expect(first.data.equals(second.data)).toBe(true);
  });
});

describe('scaledToFit', () => {
  it('scales the long side down to the limit, keeping the aspect and format', async () => {
    const image = await processImage(await sampleImage('jpeg', 400, 200));
    const scaled = await scaledToFit(image, 100);
    expect(scaled).toMatchObject({ width: 100, height: 50, ext: 'jpg' });
    expect((await sharp(scaled.data).metadata()).width).toBe(100);
  });

  it('leaves an image that fits as it is, byte for byte', async () => {
    const image = await processImage(await sampleImage('png', 80, 60));
    expect((await scaledToFit(image, 2048)).data).toBe(image.data);
  });
});

describe('sniffImageType', () => {
  it('tells formats by their first bytes, not their names', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ kind: 'image', format: 'jpeg' });
    expect(sniffImageType(Buffer.from('\u0000\u0000\u0000\u0018ftypheic'))).toEqual({ kind: 'image', format: 'heic' });
    expect(sniffImageType(Buffer.from('  <svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ kind: 'svg' });
    expect(sniffImageType(Buffer.from('\uFEFF<html><body>'))).toEqual({ kind: 'html' });
    expect(sniffImageType(Buffer.from('hello'))).toEqual({ kind: 'unknown' });
  });
});
