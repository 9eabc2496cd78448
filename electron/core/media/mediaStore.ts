import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import {
  extensionOf,
  imageMediaTypes,
  MediaFileSchema,
  type ImageInfo,
  type MediaFile,
} from '../../../shared/model/image';
import { isTempFile, syncFolder, writeFileDurably } from '../storage/durableWrite';
import { readOnlyRefusal } from '../storage/readOnly';
import { loadSharp } from './loadSharp';
import type { ProcessedImage } from './processImage';

/**
 * The library's images, in media/<sha256>.<ext>: content-addressed, so a file is written once
 * (durably, like a draft) and never changed; an edited image is another file. Names are checked
 * against MediaFileSchema before they become paths, so nothing outside the folder is ever read.
 */
export class MediaStore {
  readonly folder: string;
  readonly #readOnly: boolean;

  constructor(libraryFolder: string, options: { readonly readOnly?: boolean } = {}) {
    this.folder = path.join(libraryFolder, 'media');
    this.#readOnly = options.readOnly ?? false;
  }

  /** Stores a processed image under its content's name; a file already there is left as it is. */
  async put(image: ProcessedImage): Promise<ImageInfo> {
    if (this.#readOnly) throw readOnlyRefusal();
    const file = MediaFileSchema.parse(`${createHash('sha256').update(image.data).digest('hex')}.${image.ext}`);
    const info: ImageInfo = {
      file,
      type: imageMediaTypes[image.ext],
      width: image.width,
      height: image.height,
      bytes: image.data.byteLength,
    };
    const existing = await stat(this.path(file)).catch(() => null);
    if (existing?.size === image.data.byteLength) {
      // Added again now: unused files are kept for a while after they were last added.
      const now = new Date();
      await utimes(this.path(file), now, now);
      return info;
    }
    await mkdir(this.folder, { recursive: true });
    await writeFileDurably(this.path(file), image.data);
    return info;
  }

  /** The file's path; throws for a name that is not a media file's. */
  path(file: string): string {
    return path.join(this.folder, MediaFileSchema.parse(file));
  }

  /** The file's bytes, or null when the library does not have it. */
  async read(file: MediaFile): Promise<Buffer | null> {
    return readFile(this.path(file)).catch(nullWhenMissing);
  }

  /** What the file is (its header read, not the whole image), or null when the library lacks it. */
  async info(file: MediaFile): Promise<ImageInfo | null> {
    const data = await this.read(file);
    if (data === null) return null;
    const sharp = await loadSharp();
    const { width, height, pageHeight } = await sharp(data, { animated: true }).metadata();
    return {
      file,
      type: imageMediaTypes[extensionOf(file)],
      width,
      height: pageHeight ?? height,
      bytes: data.byteLength,
    };
  }

  /** Every image file in the library, with when it was written. */
  async files(): Promise<{ readonly file: MediaFile; readonly writtenAt: Date }[]> {
    const names = await readdir(this.folder).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    });
    const files = [];
    for (const name of names) {
      const parsed = MediaFileSchema.safeParse(name);
      if (!parsed.success) continue;
      const { mtime } = await stat(path.join(this.folder, name));
      files.push({ file: parsed.data, writtenAt: mtime });
    }
    return files;
  }

  /** Deletes files for good, and the temp files of writes a crash interrupted. */
  async remove(files: readonly MediaFile[]): Promise<void> {
    if (this.#readOnly) throw readOnlyRefusal();
    for (const file of files) await rm(this.path(file), { force: true });
    const leftovers = (await readdir(this.folder).catch(() => [])).filter(isTempFile);
    for (const name of leftovers) await rm(path.join(this.folder, name), { force: true });
    if (files.length > 0 || leftovers.length > 0) await syncFolder(this.folder);
  }
}

function nullWhenMissing(error: unknown): null {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  throw error;
}
