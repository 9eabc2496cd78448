import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DraftImportSchema, contentFromImport } from '../../../shared/model/draftImport';
import { describeValidation } from '../../../shared/model/validationMessages';
import type { Draft, DraftStatus, DraftSummary } from '../../../shared/model/draft';
import type { DraftImage } from '../../../shared/model/image';
import type { ThemeSnapshot } from '../../../shared/model/themeSnapshot';
import { renderPostBody } from '../../../shared/render/post';
import { AppError } from '../../../shared/result';
import { themedDraftDocument } from '../../../shared/theme/themedDraft';
import { LibraryLockedError } from '../../core/lock/lockMessages';
import { openCliContext, type CliContext } from '../context';

export interface ListOptions {
  readonly json?: boolean;
  readonly search?: string;
  readonly tag?: string;
  readonly status?: DraftStatus;
  readonly trash?: boolean;
}

export async function listDrafts(context: CliContext, options: ListOptions): Promise<void> {
  const drafts = await context.call('listDrafts', {
    ...(options.search === undefined ? {} : { search: options.search }),
    ...(options.tag === undefined ? {} : { tag: options.tag }),
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.trash ? { trash: 'only' as const } : {}),
  });
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
  const images = await context.call('draftImages', { id });
  context.out(options.json ? JSON.stringify({ ...draft, images }) : describeDraft(draft, images));
}

export async function renderDraft(context: CliContext, id: string, options: { themed?: string }): Promise<void> {
  const draft = await context.call('getDraft', { id });
  if (options.themed === undefined) {
    process.stdout.write(renderPostBody(draft));
    return;
  }
  const account = await context
    .call('listAccounts', {})
    .then((accounts) => accounts.find((each) => each.id === options.themed));
  if (!account)
    throw new AppError('not-found', `There is no blog account with id ${options.themed} (see "accounts list").`);
  const snapshot = await themeSnapshotOf(context, account.id);
  process.stdout.write(themedDraftDocument(draft, account.options, snapshot));
}

/**
 * The blog's kept theme snapshot; when there is none, one is taken from the blog and kept, or,
 * while the app holds the library, taken and used without being kept.
 */
async function themeSnapshotOf(context: CliContext, accountId: string): Promise<ThemeSnapshot> {
  const kept = await context.call('getThemeSnapshot', { accountId }).catch((error: unknown) => {
    if (error instanceof AppError && error.kind === 'not-found') return null;
    throw error;
  });
  if (kept) return kept;
  let writer: CliContext;
  try {
    writer = await openCliContext(context.dataFolder, {
      access: { mode: 'write', program: { kind: 'cli', command: 'drafts render' } },
      online: false,
      servesBrowser: false,
    });
  } catch (error) {
    if (!(error instanceof LibraryLockedError)) throw error;
    process.stderr.write(
      'Commonplace is open on this library: the theme snapshot is used for this page only, not kept.\n',
    );
    return context.services.themes.takeWithoutKeeping(accountId);
  }
  try {
    await writer.call('takeThemeSnapshot', { accountId });
    return await writer.call('getThemeSnapshot', { accountId });
  } finally {
    await writer.services.close();
  }
}

export async function trashDraft(context: CliContext, id: string): Promise<void> {
  const draft = await context.call('trashDraft', { id });
  context.out(`Moved “${draft.title || 'Untitled'}” to the trash.`);
}

export async function restoreDraft(context: CliContext, id: string): Promise<void> {
  const draft = await context.call('restoreDraft', { id });
  context.out(`Restored “${draft.title || 'Untitled'}” from the trash.`);
}

export async function emptyTrash(context: CliContext): Promise<void> {
  const { deleted, imagesRemoved } = await context.call('emptyTrash', {});
  const images =
    imagesRemoved === 0 ? '' : ` and ${imagesRemoved} image${imagesRemoved === 1 ? '' : 's'} no draft uses`;
  context.out(`Deleted ${deleted} draft${deleted === 1 ? '' : 's'}${images} for good.`);
}

export async function listRevisions(context: CliContext, id: string, options: { json?: boolean }): Promise<void> {
  const revisions = await context.call('listRevisions', { id });
  if (options.json) context.out(JSON.stringify(revisions));
  else if (revisions.length === 0) context.out('No earlier revisions are kept for this draft yet.');
  else
    for (const entry of revisions)
      context.out(`${entry.revision}  ${entry.savedAt}  ${entry.words} words  ${entry.title}`);
}

export async function restoreRevision(context: CliContext, id: string, revision: number): Promise<void> {
  const draft = await context.call('restoreRevision', { id, revision });
  context.out(`Restored revision ${revision}; the draft is now at revision ${draft.revision}.`);
}

export async function listTags(context: CliContext, options: { json?: boolean }): Promise<void> {
  const tags = await context.call('listTags', {});
  if (options.json) context.out(JSON.stringify(tags));
  else for (const { tag, count } of tags) context.out(`#${tag}  ${count}`);
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
    throw new AppError('invalid-input', `${file} is not a post: ${describeValidation(parsed.error)}`);
  }
  return parsed.data;
}

function summaryLine(draft: DraftSummary): string {
  return `${draft.id}  ${draft.updatedAt}  ${draft.status.padEnd(9)}  ${draft.title || '(untitled)'}`;
}

function describeDraft(draft: Draft, images: readonly DraftImage[]): string {
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
    ...(images.length > 0 ? ['', 'Images:', ...images.map(imageLine)] : []),
  ].join('\n');
}

function imageLine(image: DraftImage): string {
  const size = image.info === null ? 'missing from the library' : `${image.info.width}×${image.info.height}`;
  const alt = image.alt.trim() === '' ? 'no alt text' : `alt “${image.alt}”`;
  return `  ${image.place.padEnd(10)}  ${image.file}  ${size}  ${alt}`;
}
