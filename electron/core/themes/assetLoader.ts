import { AppError } from '../../../shared/result';

/** What a theme's page refers to: a stylesheet's text, or a font's or an image's bytes as a data: address. */
export type AssetKind = 'stylesheet' | 'font' | 'image';

/** Reads one of the page's assets: over the network for a blog, from its build folder for a static site. */
export type ReadAsset = (
  url: string,
  kind: AssetKind,
) => Promise<{ readonly bytes: Uint8Array; readonly type: string | null }>;

/** How much of a theme is kept: enough for real themes, not for a page that tries to fill the disk. */
export interface AssetBudget {
  readonly maxBytesPerStylesheet: number;
  readonly maxBytesPerFont: number;
  readonly maxBytesPerImage: number;
  /** Fonts and images together, before base64. */
  readonly maxInlinedBytes: number;
  readonly maxAssets: number;
}

export const DEFAULT_ASSET_BUDGET: AssetBudget = {
  maxBytesPerStylesheet: 2 * 1024 * 1024,
  maxBytesPerFont: 3 * 1024 * 1024,
  maxBytesPerImage: 1024 * 1024,
  maxInlinedBytes: 8 * 1024 * 1024,
  maxAssets: 150,
};

const fontTypes: Readonly<Record<string, string>> = {
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  otf: 'font/otf',
};
const imageTypes: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
};
/** Images a browser shows without running anything: an SVG as an image runs no script and fetches nothing. */
const safeImageTypes = new Set(Object.values(imageTypes));

/**
 * Loads a page's assets once each, within a budget, and gives each font or image as a data:
 * address (or null when it is not kept: too large, not what it claims, out of budget, or
 * unreachable). The theme still shows without what is dropped; nothing is fetched later.
 */
export class AssetLoader {
  readonly #read: ReadAsset;
  readonly #budget: AssetBudget;
  readonly #cache = new Map<string, Promise<string | null>>();
  #inlinedBytes = 0;
  readonly #problems: string[] = [];

  constructor(read: ReadAsset, budget: AssetBudget = DEFAULT_ASSET_BUDGET) {
    this.#read = read;
    this.#budget = budget;
  }

  /** What was left out, for the log. */
  get problems(): readonly string[] {
    return this.#problems;
  }

  stylesheet(url: string): Promise<string | null> {
    return this.#once(`stylesheet ${url}`, async () => {
      const { bytes } = await this.#read(url, 'stylesheet');
      if (bytes.byteLength > this.#budget.maxBytesPerStylesheet) throw new AppError('invalid-input', 'too large');
      return new TextDecoder('utf-8').decode(bytes);
    });
  }

  /** A font or an image as a data: address. */
  dataUrl(url: string, kind: 'font' | 'image'): Promise<string | null> {
    if (url.startsWith('data:')) return Promise.resolve(this.#acceptDataUrl(url, kind));
    return this.#once(`${kind} ${url}`, async () => {
      const { bytes, type } = await this.#read(url, kind);
      const limit = kind === 'font' ? this.#budget.maxBytesPerFont : this.#budget.maxBytesPerImage;
      if (bytes.byteLength > limit) throw new AppError('invalid-input', 'too large');
      if (this.#inlinedBytes + bytes.byteLength > this.#budget.maxInlinedBytes) {
        throw new AppError('invalid-input', 'over the snapshot’s budget');
      }
      const mediaType = kind === 'font' ? fontType(url, type) : imageType(url, type);
      if (mediaType === null) throw new AppError('invalid-input', `not a ${kind} (${type ?? 'no type'})`);
      this.#inlinedBytes += bytes.byteLength;
      return `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
    });
  }

  #acceptDataUrl(url: string, kind: 'font' | 'image'): string | null {
    const type = /^data:([^;,]*)/i.exec(url)?.[1]?.toLowerCase() ?? '';
    const fits = kind === 'font' ? /^(font\/|application\/(x-)?font)/.test(type) : safeImageTypes.has(type);
    return fits && url.length <= this.#budget.maxBytesPerImage * 2 ? url : null;
  }

  #once(key: string, load: () => Promise<string>): Promise<string | null> {
    const cached = this.#cache.get(key);
    if (cached) return cached;
    if (this.#cache.size >= this.#budget.maxAssets) {
      this.#problems.push(`${key}: more assets than a snapshot keeps`);
      return Promise.resolve(null);
    }
    const loading = load().catch((error: unknown) => {
      this.#problems.push(`${key}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    this.#cache.set(key, loading);
    return loading;
  }
}

function extension(url: string): string {
  try {
    return /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? '';
  } catch {
    return '';
  }
}

function fontType(url: string, type: string | null): string | null {
  const fromName = fontTypes[extension(url)];
  if (fromName) return fromName;
  const declared = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return /^(font\/|application\/(x-)?font)/.test(declared) ? declared : null;
}

function imageType(url: string, type: string | null): string | null {
  const declared = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (safeImageTypes.has(declared)) return declared;
  const fromName = imageTypes[extension(url)];
  return fromName && (declared === '' || declared === 'application/octet-stream') ? fromName : null;
}
