import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreWindowPlacement, windowStateOf, type Rectangle } from '../../../electron/core/shell/windowPlacement';

const laptop: Rectangle = { x: 0, y: 25, width: 1440, height: 875 };
const monitorOnTheLeft: Rectangle = { x: -1920, y: 0, width: 1920, height: 1040 };
const defaultSize = { width: 1280, height: 800 };

function inside(window: Rectangle, area: Rectangle): boolean {
  return (
    window.x >= area.x &&
    window.y >= area.y &&
    window.x + window.width <= area.x + area.width &&
    window.y + window.height <= area.y + area.height
  );
}

describe('restoring the window’s place', () => {
  it('puts the window back where it was when that is still on a display', () => {
    const saved = { x: -1800, y: 100, width: 1000, height: 700, maximized: true };
    expect(restoreWindowPlacement(saved, { primary: laptop, all: [laptop, monitorOnTheLeft] }, defaultSize)).toEqual({
      bounds: { x: -1800, y: 100, width: 1000, height: 700 },
      maximized: true,
    });
  });

  it('centres the default size on the primary display when nothing valid was saved', () => {
    for (const saved of [
      null,
      undefined,
      'garbage',
      { x: 1, y: 2 },
      { x: 0, y: 0, width: -5, height: 10, maximized: false },
    ]) {
      expect(restoreWindowPlacement(saved, { primary: laptop, all: [laptop] }, defaultSize)).toEqual({
        bounds: { x: 80, y: 62, width: 1280, height: 800 },
        maximized: false,
      });
    }
  });

  it('centres the window on the primary display when its display was unplugged', () => {
    const saved = { x: -1800, y: 100, width: 1000, height: 700, maximized: false };
    expect(restoreWindowPlacement(saved, { primary: laptop, all: [laptop] }, defaultSize).bounds).toEqual({
      x: 220,
      y: 112,
      width: 1000,
      height: 700,
    });
  });

  it('moves and shrinks a window that sticks out onto the display it mostly covered', () => {
    const saved = { x: 1000, y: 500, width: 2000, height: 700, maximized: false };
    expect(restoreWindowPlacement(saved, { primary: laptop, all: [laptop] }, defaultSize).bounds).toEqual({
      x: 0,
      y: 200,
      width: 1440,
      height: 700,
    });
  });

  it('never opens a window off-screen, whatever was saved and whatever the displays', () => {
    const area = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 200, max: 4000 }),
      height: fc.integer({ min: 200, max: 3000 }),
    });
    const saved = fc.oneof(
      fc.record({
        x: fc.integer({ min: -100_000, max: 100_000 }),
        y: fc.integer({ min: -100_000, max: 100_000 }),
        width: fc.integer({ min: 1, max: 100_000 }),
        height: fc.integer({ min: 1, max: 100_000 }),
        maximized: fc.boolean(),
      }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.array(area, { minLength: 1, maxLength: 4 }), saved, (areas, state) => {
        const [primary] = areas as [Rectangle, ...Rectangle[]];
        const { bounds } = restoreWindowPlacement(state, { primary, all: areas }, defaultSize);
        expect(bounds.width).toBeGreaterThan(0);
        expect(bounds.height).toBeGreaterThan(0);
        expect(areas.some((display) => inside(bounds, display))).toBe(true);
      }),
    );
  });

  it('saves whole pixels of the normal bounds', () => {
    expect(windowStateOf({ x: 10.4, y: 20.6, width: 800.2, height: 0.2 }, true)).toEqual({
      x: 10,
      y: 21,
      width: 800,
      height: 1,
      maximized: true,
    });
  });
});
