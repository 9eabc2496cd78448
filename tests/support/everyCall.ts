import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { CallInput, CallName } from '../../shared/contract';
import { emptySource } from '../../shared/model/draft';
import type { Result } from '../../shared/result';
import { reblogPost } from './fixtures';

/** Makes one call of the contract through some host, and gives back its Result. */
export type CallThrough = <Name extends CallName>(name: Name, input: CallInput<Name>) => Promise<Result<unknown>>;

const WithId = z.object({ id: z.string() });

function valueOf(result: Result<unknown>): unknown {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/**
 * A writer's session that makes every call of the contract at least once, in an order where each
 * can do its work (a blog to publish to, a draft with a revision, an outbox entry), against a
 * Micropub site. Returns the names of the calls made, for the caller to compare with the contract.
 */
export async function makeEveryCall(
  call: CallThrough,
  site: { readonly url: string; readonly token: string },
): Promise<Set<CallName>> {
  const made = new Set<CallName>();
  const step: CallThrough = (name, input) => {
    made.add(name);
    return call(name, input);
  };
  await step('listNotices', {});
  await step('vaultInfo', {});
  await step('listAccounts', {});
  const account = WithId.parse(
    valueOf(await step('addAccount', { kind: 'micropub', address: site.url, user: '', secret: site.token })),
  );
  await step('setAccountOptions', {
    id: account.id,
    options: { hashtagsInTitle: true, attribution: 'source', linkToPassage: false, maxImageSide: 2048 },
  });
  // The token given again is checked on the site before it is kept.
  await step('updateAccount', { id: account.id, blogName: 'Every call', secret: site.token });
  await step('blogFeatures', { accountId: account.id });
  const draft = WithId.parse(valueOf(await step('createDraft', { content: reblogPost() })));
  await step('getDraft', { id: draft.id });
  await step('saveDraft', { id: draft.id, changes: { title: 'Every call' } });
  await step('listDrafts', {});
  await step('listDraftPage', { query: {}, offset: 0, limit: 10 });
  // One transparent pixel, as a pasted PNG arrives.
  await step('addImage', {
    name: 'pixel.png',
    data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  });
  await step('draftImages', { id: draft.id });
  // Nothing answers there: the refusal crosses like any answer.
  await step('addImageFromWeb', { url: 'http://127.0.0.1:9/figure.png' });
  await step('listTags', {});
  // Export, then the export checked for import (a dry run); progress comes as archive-progress events.
  const archive = await mkdtemp(path.join(tmpdir(), 'commonplace-every-call-'));
  const exported = path.join(archive, 'export');
  await step('exportLibrary', { jobId: 'every-call-export', folder: exported, format: 'markdown', draftIds: null });
  await step('importArchive', { jobId: 'every-call-import', path: exported, dryRun: true });
  await step('cancelArchiveJob', { jobId: 'every-call-import' });
  await rm(archive, { recursive: true, force: true });
  // Where the host has no file dialog, the answer (or the refusal) crosses like any other.
  await step('choosePath', { purpose: 'export-folder' });
  const [revision] = z
    .array(z.object({ revision: z.number() }))
    .parse(valueOf(await step('listRevisions', { id: draft.id })));
  await step('getRevision', { id: draft.id, revision: revision?.revision ?? 1 });
  await step('restoreRevision', { id: draft.id, revision: revision?.revision ?? 1 });
  await step('readClipboard', {});
  await step('quoteFromClipboard', { clipboard: { formats: { 'text/plain': 'A passage worth keeping.' } } });
  await step('enrichSource', { source: emptySource() });
  await step('setOnline', { online: true });
  const [published] = z
    .array(z.object({ outcome: z.object({ kind: z.string() }) }))
    .parse(
      valueOf(
        await step('publishDraft', { draftId: draft.id, accountIds: [account.id], schedule: { status: 'publish' } }),
      ),
    );
  if (published?.outcome.kind !== 'published') throw new Error(`not published: ${JSON.stringify(published)}`);
  const [entry] = z.array(WithId).parse(valueOf(await step('listOutbox', {})));
  await step('drainOutbox', {});
  await step('retryOutboxEntry', { entryId: entry?.id ?? '' });
  await step('cancelOutboxEntry', { entryId: entry?.id ?? '' });
  await step('conflictDetails', { draftId: draft.id, accountId: account.id });
  await step('resolveConflict', { draftId: draft.id, accountId: account.id, resolution: 'keep-mine' });
  await step('removeFromBlog', { draftId: draft.id, accountId: account.id });
  await step('pullPosts', { accountId: account.id, count: 5 });
  await step('trashDraft', { id: draft.id });
  await step('restoreDraft', { id: draft.id });
  await step('trashDraft', { id: draft.id });
  const emptied = z.object({ batch: z.string() }).parse(valueOf(await step('emptyTrash', {})));
  await step('undoEmptyTrash', { batch: emptied.batch });
  await step('listThemeSnapshots', {});
  // The Micropub site's page may or may not make a snapshot; either way the answer crosses.
  await step('takeThemeSnapshot', { accountId: account.id });
  await step('getThemeSnapshot', { accountId: account.id });
  await step('removeAccount', { id: account.id });
  return made;
}
