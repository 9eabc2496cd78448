import type { Draft } from '../../../shared/model/draft';
import type { DraftImage, ImageInfo, MediaFile } from '../../../shared/model/image';
import { imageUses } from '../../../shared/media/references';
import type { Fetch } from '../quotes/fetchPage';
import { fetchImage } from './fetchImage';
import { MediaStore } from './mediaStore';
import { processImage } from './processImage';

export interface MediaServiceOptions {
  /** The library folder; images live in its media/ subfolder. */
  readonly folder: string;
  readonly fetch: Fetch;
  readonly now: () => Date;
  readonly readOnly?: boolean;
}

/** How long an image no draft uses yet is kept: it may have just been pasted, its draft not yet saved. */
const UNUSED_GRACE_MS = 3600_000;

/** The library's images: added from bytes or a quote's figure, described for a draft, cleaned up. */
export class MediaService {
  readonly store: MediaStore;
  readonly #options: MediaServiceOptions;

  constructor(options: MediaServiceOptions) {
    this.#options = options;
    this.store = new MediaStore(options.folder, { readOnly: options.readOnly ?? false });
  }

  /** Processes an untrusted image file (see processImage) and keeps it; refused files change nothing. */
  async add(bytes: Uint8Array): Promise<ImageInfo> {
    return this.store.put(await processImage(bytes));
  }

  /** Fetches an image from the web (a quote's figure) and adds it. */
  async addFromWeb(url: string): Promise<ImageInfo> {
    return this.add(await fetchImage(url, { fetch: this.#options.fetch }));
  }

  /** Every image the draft uses, where, with its words and what the library knows of its file. */
  async draftImages(draft: Pick<Draft, 'commentary' | 'quotes' | 'featuredImage'>): Promise<DraftImage[]> {
    const infos = new Map<MediaFile, ImageInfo | null>();
    const images: DraftImage[] = [];
    for (const use of imageUses(draft)) {
      if (!infos.has(use.file)) infos.set(use.file, await this.store.info(use.file).catch(() => null));
      images.push({ ...use, info: infos.get(use.file) ?? null });
    }
    return images;
  }

  /** Deletes the images nothing uses any more (added over an hour ago); returns how many. */
  async removeUnused(inUse: ReadonlySet<MediaFile>): Promise<number> {
    const before = this.#options.now().getTime() - UNUSED_GRACE_MS;
    const unused = (await this.store.files())
      .filter(({ file, writtenAt }) => !inUse.has(file) && writtenAt.getTime() < before)
      .map(({ file }) => file);
    await this.store.remove(unused);
    return unused.length;
  }
}
