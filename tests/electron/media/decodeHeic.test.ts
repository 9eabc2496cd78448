import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeHeic } from '../../../electron/core/media/decodeHeic';
import { heicClaiming, heicFixture } from './support/images';

const limits = { maxPixels: 100_000_000, maxMs: 30_000 };

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toMatchObject({ kind: 'invalid-input' });
  return (error as Error).message;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('decodeHeic', () => {
  it('gives the pixels upright, as RGBA rows', async () => {
    const pixels = await decodeHeic(heicFixture('rotated-gps'), limits);
    expect({ width: pixels.width, height: pixels.height, bytes: pixels.data.length }).toEqual({
      width: 48,
      height: 64,
      bytes: 48 * 64 * 4,
    });
    // Turned a quarter clockwise, the red square is at the top right, opaque.
    const topRight = (2 * 48 + 45) * 4;
    expect([...pixels.data.subarray(topRight, topRight + 4)].map((value) => Math.round(value / 40))).toEqual([
      Math.round(220 / 40),
      Math.round(20 / 40),
      Math.round(20 / 40),
      Math.round(255 / 40),
    ]);
  });

  it('refuses a declared size past the pixel limit before decoding the pixels', async () => {
    const bomb = heicClaiming(20_000, 15_000);
    expect(await refusalOf(decodeHeic(bomb, limits))).toMatch(/20,000 × 15,000 pixels, more than the 100 megapixels/);
    // Decoded, the same file fails otherwise (its pictures are 64 × 48): the size was refused first.
    expect(await refusalOf(decodeHeic(bomb, { ...limits, maxPixels: 1e9 }))).toMatch(/damaged or cut short/);
  });

  it('refuses a file cut short with libheif’s reason, printing nothing on the host’s stdout', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const whole = heicFixture('pattern');
    expect(await refusalOf(decodeHeic(whole.subarray(0, whole.length - 100), limits))).toMatch(
      /damaged or cut short \(Decoding image failed: .+\)/,
    );
    // The worker's output would reach the host's stdout after its exit: wait for it to have done so.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(write.mock.calls.map(([chunk]) => String(chunk)).join('')).not.toMatch(/Decoding image failed|heif/i);
  });

  it('stops a decoding that takes longer than allowed', async () => {
    expect(await refusalOf(decodeHeic(heicFixture('pattern'), { ...limits, maxMs: 1 }))).toMatch(
      /took more than 0.001 s to decode/,
    );
  });
});
