import { z } from 'zod';

/** A rectangle in screen coordinates, as Electron's screen and windows give them. */
export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

// Generous bounds: a saved file is data from disk, and a hand-edited or damaged one must not
// produce a window of absurd size.
const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

/** Where the window was when it was last moved, resized or closed: what the state file holds. */
export const WindowStateSchema = z.strictObject({
  x: coordinate,
  y: coordinate,
  width: length,
  height: length,
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

/** Where to open the window: always wholly inside one display's work area. */
export interface WindowPlacement {
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

/** The displays' work areas (the screen less taskbars, docks and menu bars). */
export interface Displays {
  readonly primary: Rectangle;
  readonly all: readonly Rectangle[];
}

export interface WindowSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Where the window opens: where it was, if that is still on a display; moved onto the display
 * it mostly covered if it now sticks out (a smaller screen, a moved taskbar); centred on the
 * primary display at the default size if nothing valid was saved or its display is gone.
 */
export function restoreWindowPlacement(saved: unknown, displays: Displays, defaultSize: WindowSize): WindowPlacement {
  const parsed = WindowStateSchema.safeParse(saved);
  if (!parsed.success) return { bounds: centred(defaultSize, displays.primary), maximized: false };
  const state = parsed.data;
  const display = mostCovered(state, displays.all);
  if (display === null) return { bounds: centred(state, displays.primary), maximized: state.maximized };
  const width = Math.min(state.width, display.width);
  const height = Math.min(state.height, display.height);
  return {
    bounds: {
      x: clamp(state.x, display.x, display.x + display.width - width),
      y: clamp(state.y, display.y, display.y + display.height - height),
      width,
      height,
    },
    maximized: state.maximized,
  };
}

/** What to save for a window: its normal (unmaximised) bounds, and whether it is maximised. */
export function windowStateOf(normalBounds: Rectangle, maximized: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.max(1, Math.round(normalBounds.width)),
    height: Math.max(1, Math.round(normalBounds.height)),
    maximized,
  };
}

function centred(size: WindowSize, area: Rectangle): Rectangle {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.floor((area.width - width) / 2),
    y: area.y + Math.floor((area.height - height) / 2),
    width,
    height,
  };
}

function mostCovered(window: Rectangle, areas: readonly Rectangle[]): Rectangle | null {
  let best: Rectangle | null = null;
  let bestOverlap = 0;
  for (const area of areas) {
    const overlap = overlapArea(window, area);
    if (overlap > bestOverlap) {
      best = area;
      bestOverlap = overlap;
    }
  }
  return best;
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, lowest: number, highest: number): number {
  return Math.min(Math.max(value, lowest), highest);
}
