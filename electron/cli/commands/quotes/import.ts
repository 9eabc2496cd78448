import { readFile } from 'node:fs/promises';
import { AppError } from '../../../../shared/result';
import type { ServicesContext } from '../../context';

/**
 * `quotes import ID --clipboard FILE`: a quote into a draft from a JSON file of clipboard formats
 * ({"formats": {...}}), through the contract's calls as the app makes them (the quote from the
 * clipboard, then its source's details from its page, when it has an address); prints the quote
 * as JSON. A source page that cannot be read leaves the quote as the clipboard gave it, and says so.
 */
export async function run(context: ServicesContext, id: string, options: { clipboard: string }): Promise<void> {
  const payload = await readJsonFile(options.clipboard);
  const draft = await context.call('getDraft', { id });
  const copied = await context.call('quoteFromClipboard', { clipboard: payload });
  let quote = copied;
  if (copied.source.url !== null) {
    try {
      quote = { ...copied, source: await context.call('enrichSource', { source: copied.source }) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      process.stderr.write(`commonplace: the source's details were not filled in: ${error.message}\n`);
    }
  }
  const kept = draft.quotes.map((each) => ({ unchanged: each.id }));
  await context.call('saveDraft', { id, changes: { quotes: [...kept, quote] } });
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
