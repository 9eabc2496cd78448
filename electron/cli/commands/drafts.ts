import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DraftImportSchema, contentFromImport } from '../../../shared/model/draftImport';
import type { Draft, DraftSummary } from '../../../shared/model/draft';
import { renderPostBody } from '../../../shared/render/post';
import { AppError } from '../../../shared/result';
import type { CliContext } from '../context';

export async function listDrafts(context: CliContext, options: { json?: boolean }): Promise<void> {
  const drafts = await context.call('listDrafts', {});
  if (options.json) context.out(JSON.stringify(drafts));
  else if (drafts.length === 0) context.out('The library has no drafts.');
  else for (const draft of drafts) context.out(summaryLine(draft));
}

export async function createDraft(context: CliContext, options: { from: string }): Promise<void> {
  const content = contentFromImport(await readImportFile(options.from), randomUUID);
  const draft = await context.call('createDraft', { content });
  context.out(draft.id);
}

export async function showDraft(context: CliContext, id: string, options: { json?: boolean }): Promise<void> {
  const draft = await context.call('getDraft', { id });
  context.out(options.json ? JSON.stringify(draft) : describeDraft(draft));
}

export async function renderDraft(context: CliContext, id: string): Promise<void> {
  const draft = await context.call('getDraft', { id });
  process.stdout.write(renderPostBody(draft));
}

async function readImportFile(file: string): Promise<z.output<typeof DraftImportSchema>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AppError('invalid-input', `Cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('invalid-input', `${file} is not valid JSON.`);
  }
  const parsed = DraftImportSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('invalid-input', `${file} is not a post: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  }
  return parsed.data;
}

function summaryLine(draft: DraftSummary): string {
  return `${draft.id}  ${draft.updatedAt}  ${draft.title || '(untitled)'}`;
}

function describeDraft(draft: Draft): string {
  const tags = draft.hashtags.map((tag) => `#${tag}`).join(' ');
  const quotes = draft.quotes.map(
    (quote, index) => `  ${index + 1}. ${quote.source.title || quote.source.url || '(no source)'}`,
  );
  return [
    draft.title || '(untitled)',
    `id ${draft.id} · revision ${draft.revision} · updated ${draft.updatedAt}${tags ? ` · ${tags}` : ''}`,
    '',
    draft.commentary,
    ...(quotes.length > 0 ? ['', 'Quotes:', ...quotes] : []),
  ].join('\n');
}
