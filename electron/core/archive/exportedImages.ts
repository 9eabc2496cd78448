import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MediaFile } from '../../../shared/model/image';
import { AppError } from '../../../shared/result';
import type { MediaStore } from '../media/mediaStore';
import { checkedLibraryCopy, type ProcessedImage } from '../media/processImage';
import { writeFileDurably } from '../storage/durableWrite';

/** The folder beside an export's files that holds the drafts' images, each under its library name. */
export const EXPORT_MEDIA_FOLDER = 'media';

/** How an export's files name a library image: by its path relative to them. */
export function exportedImagePath(file: MediaFile): string {
  return `${EXPORT_MEDIA_FOLDER}/${file}`;
}

/** A library image an exported draft names, and where its copy should be. */
export interface ImportedImage {
  readonly file: MediaFile;
  /** The copy's full path in the export. */
  readonly path: string;
}

/**
 * Copies the library images into the export's media folder, each once (one already there is the
 * same file: names are content hashes); returns those the library does not have.
 */
export async function copyImagesOut(
  folder: string,
  files: Iterable<MediaFile>,
  media: Pick<MediaStore, 'read'>,
): Promise<MediaFile[]> {
  const missing: MediaFile[] = [];
  for (const file of files) {
    const target = path.join(folder, EXPORT_MEDIA_FOLDER, file);
    if (await stat(target).catch(() => null)) continue;
    const data = await media.read(file);
    if (data === null) {
      missing.push(file);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileDurably(target, data);
  }
  return missing;
}

/**
 * An exported image's copy, checked to be exactly that image (see checkedLibraryCopy); null when
 * the export does not hold it (the library it came from lacked it too). Throws AppError naming
 * the file when the copy is not that image.
 */
export async function readImageBack(image: ImportedImage): Promise<ProcessedImage | null> {
  let data: Buffer;
  try {
    data = await readFile(image.path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return await checkedLibraryCopy(image.file, data);
  } catch (error) {
    if (error instanceof AppError) throw new AppError('invalid-input', `${image.path}: ${error.message}`);
    throw error;
  }
}
