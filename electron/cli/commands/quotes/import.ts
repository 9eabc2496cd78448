import { readFile } from 'node:fs/promises';
import { AppError } from '../../../../shared/result';
import type { ServicesContext } from '../../context';

/**
 * `quotes import ID --clipboard FILE`: a quote into a draft from a JSON file of clipboard formats
 * ({"formats": {...}}), through the same parser and source enrichment as the app; prints the quote as JSON.
 */
export async function run(context: ServicesContext, id: string, options: { clipboard: string }): Promise<void> {
  const payload = await readJsonFile(options.clipboard);
  const draft = await context.call('getDraft', { id });
  const { quote, problem } = await context.services.quotes.importFromClipboard(payload);
  const { title, commentary, quotes, hashtags, featuredImage } = draft;
  await context.call('saveDraft', {
    id,
    content: { title, commentary, hashtags, quotes: [...quotes, quote], featuredImage },
  });
  if (problem) process.stderr.write(`commonplace: the source's details were not filled in: ${problem}\n`);
  context.out(JSON.stringify(quote));
}

async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AppError('invalid-input', `Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid-input', `${file} is not valid JSON.`);
  }
}
