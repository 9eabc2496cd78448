import { readFile, stat } from 'node:fs/promises';
import { imageMarkdown } from '../../../../shared/media/references';
import { limits } from '../../../../shared/model/limits';
import { AppError } from '../../../../shared/result';
import type { LibraryContext } from '../../context';

export interface MediaAddOptions {
  readonly alt?: string;
  readonly featured?: boolean;
}

/**
 * `media add ID FILE`: an image file into a draft as the app adds it (processed, stripped of
 * metadata, kept by its content): at the end of the commentary, or as the featured image with
 * --featured. Prints the image as JSON: {"file", "type", "width", "height", "bytes", "place", "alt"}.
 */
export async function run(context: LibraryContext, id: string, file: string, options: MediaAddOptions): Promise<void> {
  const draft = await context.call('getDraft', { id });
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) throw new AppError('invalid-input', `Cannot read ${file}.`);
  if (size > limits.imageBytes) {
    throw new AppError(
      'invalid-input',
      `${file} is larger than the ${limits.imageBytes / 1024 / 1024} MB an image may be.`,
    );
  }
  const data = (await readFile(file)).toString('base64');
  const image = await context.call('addImage', { name: file.split(/[\\/]/).at(-1) ?? file, data });
  const alt = options.alt ?? '';
  const { commentary } = draft;
  const changes = options.featured
    ? { featuredImage: { file: image.file, alt } }
    : {
        commentary: `${commentary.trimEnd()}${commentary.trim() === '' ? '' : '\n\n'}${imageMarkdown(image.file, alt)}\n`,
      };
  await context.call('saveDraft', { id, changes });
  if (alt.trim() === '')
    process.stderr.write('commonplace: the image has no alt text; add one for readers who cannot see it.\n');
  context.out(JSON.stringify({ ...image, place: options.featured ? 'featured' : 'commentary', alt }));
}
