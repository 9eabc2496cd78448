import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentFromImport, DraftImportSchema } from '../../shared/model/draftImport';
import type { DraftContent } from '../../shared/model/draft';

export const REBLOG_POST_FILE = fileURLToPath(new URL('../fixtures/reblog-post.json', import.meta.url));

let counter = 0;
function testId(): string {
  counter += 1;
  return `quote-${String(counter).padStart(4, '0')}`;
}

/** The example post of shared/examples, as draft content, with its source given a loopback URL. */
export function reblogPost(sourceUrl: string | null = 'http://127.0.0.1:8080/isis-in-iraq'): DraftContent {
  const json = DraftImportSchema.parse(JSON.parse(readFileSync(REBLOG_POST_FILE, 'utf8')));
  const content = contentFromImport(json, testId);
  return {
    ...content,
    quotes: content.quotes.map((quote) => ({ ...quote, source: { ...quote.source, url: sourceUrl } })),
  };
}
