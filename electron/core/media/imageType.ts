/**
 * What a file holds, from its first bytes rather than its name or the type it was sent with: a
 * ".png" holding HTML is HTML. Only the formats the app reads are told apart; SVG and other
 * text are named so the writer learns why they were refused.
 */
export type SniffedType =
  | { readonly kind: 'image'; readonly format: 'jpeg' | 'png' | 'gif' | 'webp' | 'heic' | 'avif' }
  | { readonly kind: 'svg' }
  | { readonly kind: 'html' }
  | { readonly kind: 'unknown' };

const heicBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);
const avifBrands = new Set(['avif', 'avis']);

export function sniffImageType(bytes: Uint8Array): SniffedType {
  const at = (offset: number, ...values: number[]) => values.every((value, index) => bytes[offset + index] === value);
  const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
  if (at(0, 0xff, 0xd8, 0xff)) return { kind: 'image', format: 'jpeg' };
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { kind: 'image', format: 'png' };
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return { kind: 'image', format: 'gif' };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { kind: 'image', format: 'webp' };
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (avifBrands.has(brand)) return { kind: 'image', format: 'avif' };
    if (heicBrands.has(brand)) return { kind: 'image', format: 'heic' };
  }
  // Text: look past a byte-order mark and leading space for the first tag.
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return { kind: 'svg' };
  if (/^<(!doctype html|html|head|body|script|div|p|meta|!--)/.test(head)) return { kind: 'html' };
  if (head.startsWith('<?xml') || head.startsWith('<!doctype svg')) return { kind: 'svg' };
  return { kind: 'unknown' };
}
