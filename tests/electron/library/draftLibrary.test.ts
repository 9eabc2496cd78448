import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DraftLibrary, type LibraryOptions } from '../../../electron/core/library/draftLibrary';
import { openLibraryAndOutbox } from '../../../electron/core/libraryAndOutbox';
import { MemoryBlog } from '../outbox/support/memoryBlog';
import {
  DRAFT_SCHEMA_VERSION,
  DraftSchema,
  emptySource,
  type Draft,
  type DraftContent,
} from '../../../shared/model/draft';
import { contentHash } from '../../../shared/model/contentHash';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();
const V1_FIXTURES = fileURLToPath(new URL('../../fixtures/library/v1', import.meta.url));

function open(folder: string, options: Partial<LibraryOptions> = {}) {
  return DraftLibrary.open({ folder, logError: () => undefined, ...options });
}

/** The library with the outbox that owns where drafts stand on blogs, as the app opens them. */
function openWithOutbox(folder: string, blog = new MemoryBlog()) {
  return openLibraryAndOutbox({
    folder,
    logError: () => undefined,
    adapterFor: () => Promise.resolve(blog),
    postStyleFor: () => ({ hashtagsInTitle: false }),
    publish: () => undefined,
  });
}

/** A clock the test moves by hand. */
function manualClock(start = '2026-11-24T10:00:00.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(minutes: number) {
      now += minutes * 60_000;
    },
  };
}

const draftFile = (folder: string, id: string) => path.join(folder, 'drafts', `${id}.json`);
const titled = (title: string): DraftContent => ({ ...reblogPost(), title });

describe('storage', () => {
  it('keeps one document per draft, the replaced copy beside it, and what it acknowledged on disk', async () => {
    const folder = await newFolder();
    const library = await open(folder);
    const draft = await library.create(reblogPost());
    const saved = await library.save(draft.id, titled('Edited'));
    expect(saved.revision).toBe(2);
    const onDisk = DraftSchema.parse(JSON.parse(await readFile(draftFile(folder, draft.id), 'utf8')));
    expect(onDisk).toEqual(saved);
    expect((await readdir(path.join(folder, 'drafts'))).sort()).toEqual([
      `${draft.id}.json`,
      `${draft.id}.previous.json`,
    ]);
  });

  it('serialises concurrent saves of one draft: the last one submitted wins', async () => {
    const library = await open(await newFolder());
    const draft = await library.create();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => library.save(draft.id, titled(`Title ${index}`))),
    );
    expect(results.at(-1)?.title).toBe('Title 19');
    expect((await library.get(draft.id)).title).toBe('Title 19');
    const revisions = results.map((result) => result.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  });

  it('answers not-found for an unknown draft', async () => {
    const library = await open(await newFolder());
    await expect(library.get('aaaaaaaaaaaa')).rejects.toMatchObject({ kind: 'not-found' });
    await expect(library.save('aaaaaaaaaaaa', reblogPost())).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('creates a draft under the id and dates an import gives, and refuses that id a second time', async () => {
    const library = await open(await newFolder());
    const dates = { createdAt: '2019-03-01T08:00:00.000Z', updatedAt: '2019-03-02T09:30:00.000Z' };
    const made = await library.create(reblogPost(), { id: 'imported-abc', ...dates });
    expect(made).toMatchObject({ id: 'imported-abc', ...dates });
    await expect(library.create(reblogPost(), { id: 'imported-abc' })).rejects.toMatchObject({ kind: 'conflict' });
    expect((await library.get('imported-abc')).title).toBe(reblogPost().title);
    await library.close();
  });
});

describe('the index', () => {
  it('finds the drafts again after a restart, even when the index was never written', async () => {
    const folder = await newFolder();
    const first = await open(folder, { indexDelayMs: 60_000 });
    const draft = await first.create(reblogPost());
    const reopened = await open(folder);
    expect((await reopened.list()).map((summary) => summary.id)).toEqual([draft.id]);
  });

  it('is rebuilt from the documents when damaged, and notices a document changed behind its back', async () => {
    const folder = await newFolder();
    const library = await open(folder);
    const draft = await library.create(reblogPost());
    await library.close();
    await writeFile(path.join(folder, 'index.json'), '{"schemaVersion":2,"dra');
    expect((await (await open(folder)).list()).map((summary) => summary.title)).toEqual([draft.title]);

    const changed = { ...draft, title: 'Changed by another copy of the app', revision: 9 };
    await writeFile(draftFile(folder, draft.id), JSON.stringify(changed));
    expect((await (await open(folder)).list())[0]?.title).toBe('Changed by another copy of the app');
  });

  it('ignores the temp files of interrupted writes', async () => {
    const folder = await newFolder();
    const library = await open(folder);
    await library.create(reblogPost());
    await writeFile(path.join(folder, 'drafts', '.x.json.abc123.tmp'), '{"half');
    expect(await (await open(folder)).list()).toHaveLength(1);
  });
});

describe('recovery', () => {
  it('quarantines a damaged document, restores its last good copy and tells the writer', async () => {
    const folder = await newFolder();
    const library = await open(folder);
    const draft = await library.create(titled('Good'));
    await library.save(draft.id, titled('Newer'));
    await library.close();
    await writeFile(draftFile(folder, draft.id), '{"title": "Newer", "comm');

    const reopened = await open(folder);
    expect((await reopened.get(draft.id)).title).toBe('Good');
    const [notice] = reopened.notices();
    expect(notice).toMatchObject({ kind: 'recovered', draftId: draft.id });
    expect(notice?.message).toMatch(/restored from its last good revision/);
    const quarantined = await readdir(path.join(folder, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(await readFile(path.join(folder, 'quarantine', quarantined[0] ?? ''), 'utf8')).toBe(
      '{"title": "Newer", "comm',
    );
  });

  it('restores from the revision history when no previous copy survived', async () => {
    const folder = await newFolder();
    const library = await open(folder);
    const draft = await library.create(titled('First'));
    await library.save(draft.id, titled('Second'));
    await library.close();
    await writeFile(draftFile(folder, draft.id), '');
    await writeFile(path.join(folder, 'drafts', `${draft.id}.previous.json`), 'garbage');

    const reopened = await open(folder);
    expect((await reopened.get(draft.id)).title).toBe('First');
    expect(reopened.notices()[0]?.kind).toBe('recovered');
  });

  it('starts even when a draft cannot be restored at all, and says so', async () => {
    const folder = await newFolder();
    const library = await open(folder);
    const draft = await library.create(reblogPost());
    await library.close();
    await writeFile(draftFile(folder, draft.id), '[]');
    const reopened = await open(folder);
    expect(await reopened.list()).toEqual([]);
    expect(reopened.notices()).toMatchObject([{ kind: 'unrecoverable', draftId: draft.id }]);
  });

  it('finishes a save that a crash cut between its two renames', async () => {
    const folder = await newFolder();
    const library = await open(folder);
    const draft = await library.create(titled('Kept'));
    await library.save(draft.id, titled('Kept too'));
    await library.close();
    const { rename } = await import('node:fs/promises');
    await rename(draftFile(folder, draft.id), path.join(folder, 'drafts', `${draft.id}.previous.json`));

    const reopened = await open(folder);
    expect((await reopened.get(draft.id)).title).toBe('Kept too');
    expect(reopened.notices()).toEqual([]);
  });
});

describe('migrations', () => {
  it('brings a format-1 document to the current format at start, and rewrites it', async () => {
    const folder = await newFolder();
    await mkdir(path.join(folder, 'drafts'), { recursive: true });
    for (const name of await readdir(V1_FIXTURES)) {
      await copyFile(path.join(V1_FIXTURES, name), path.join(folder, 'drafts', name));
    }
    const { library, view, close } = await openWithOutbox(folder);
    const draft = await view.get('v1-draft-00000001');
    expect(draft.schemaVersion).toBe(DRAFT_SCHEMA_VERSION);
    expect(draft.targets).toEqual({
      'account-0001': { state: 'queued', queuedAt: '2016-08-11T08:31:00.000Z' },
      // A needs-you state from before causes were kept gets "other" (its words are not today's).
      'account-0002': { state: 'needs-you', reason: 'The blog refused the password.', cause: 'other' },
    });
    expect(draft.revision).toBe(7);
    expect(draft.featuredImage).toBeNull();
    expect(draft.quotes[0]?.source.author).toBe('Rudaw');
    const onDisk = JSON.parse(await readFile(draftFile(folder, draft.id), 'utf8')) as { schemaVersion: number };
    expect(onDisk.schemaVersion).toBe(DRAFT_SCHEMA_VERSION);
    expect(onDisk).not.toHaveProperty('targets');
    expect((await view.list())[0]?.status).toBe('needs-you');
    expect((await library.list())[0]?.id).toBe(draft.id);
    await close();
  });

  it('opens drafts and snapshots whose hashtags kept part of an emoji, with the emoji dropped whole', async () => {
    const folder = await newFolder();
    const library = await open(folder);
    const draft = await library.create({ ...reblogPost(), hashtags: ['Iraq'] });
    await library.save(draft.id, { ...reblogPost(), hashtags: ['Iraq', 'Mosul'] });
    await library.close();
    // What an earlier version stored for "#🕊️peace": the variation selector without its emoji.
    const stored = JSON.parse(await readFile(draftFile(folder, draft.id), 'utf8')) as Record<string, unknown>;
    await writeFile(draftFile(folder, draft.id), JSON.stringify({ ...stored, hashtags: ['\uFE0Fpeace', 'Iraq'] }));
    const historyFile = path.join(folder, 'revisions', `${draft.id}.json`);
    const history = JSON.parse(await readFile(historyFile, 'utf8')) as { revisions: { content: object }[] };
    history.revisions = history.revisions.map((entry) => ({
      ...entry,
      content: { ...entry.content, hashtags: ['\uFE0Fpeace'] },
    }));
    await writeFile(historyFile, JSON.stringify(history));

    const reopened = await open(folder);
    expect((await reopened.get(draft.id)).hashtags).toEqual(['peace', 'Iraq']);
    expect(reopened.notices()).toEqual([]);
    const [revision] = await reopened.revisions(draft.id);
    expect(revision?.revision).toBe(1);
    const restored = await reopened.restoreRevision(draft.id, 1);
    expect(restored.hashtags).toEqual(['peace']);
  });

  it('brings a format-2 document (before featured images) to the current format, and its old revisions with it', async () => {
    const folder = await newFolder();
    const library = await open(folder);
    const draft = await library.create(reblogPost());
    const saved = await library.save(draft.id, { ...reblogPost(), title: 'Edited' });
    await library.close();
    const { featuredImage, ...withoutFeatured } = saved;
    expect(featuredImage).toBeNull();
    await writeFile(draftFile(folder, draft.id), JSON.stringify({ ...withoutFeatured, schemaVersion: 2 }));
    const historyFile = path.join(folder, 'revisions', `${draft.id}.json`);
    const history = JSON.parse(await readFile(historyFile, 'utf8')) as {
      revisions: { content: Record<string, unknown> }[];
    };
    for (const revision of history.revisions) delete revision.content['featuredImage'];
    await writeFile(historyFile, JSON.stringify(history));

    const reopened = await open(folder);
    expect(await reopened.get(draft.id)).toMatchObject({ schemaVersion: DRAFT_SCHEMA_VERSION, featuredImage: null });
    expect((await reopened.revisions(draft.id)).length).toBeGreaterThan(0);
    const onDisk = JSON.parse(await readFile(draftFile(folder, draft.id), 'utf8')) as Draft;
    expect(onDisk).toMatchObject({ schemaVersion: DRAFT_SCHEMA_VERSION, featuredImage: null });
  });

  it('leaves a document from a newer version untouched, and says why it cannot open it', async () => {
    const folder = await newFolder();
    const library = await open(folder);
    const draft = await library.create(reblogPost());
    await library.close();
    const newer = JSON.stringify({ ...draft, schemaVersion: DRAFT_SCHEMA_VERSION + 1, shinyNewField: true });
    await writeFile(draftFile(folder, draft.id), newer);
    const reopened = await open(folder);
    await expect(reopened.get(draft.id)).rejects.toMatchObject({ kind: 'storage' });
    expect(reopened.notices()[0]?.kind).toBe('newer-version');
    expect(await readFile(draftFile(folder, draft.id), 'utf8')).toBe(newer);
  });
});

describe('trash', () => {
  it('moves drafts to the trash and back, and empties it for good', async () => {
    const folder = await newFolder();
    const library = await open(folder);
    const kept = await library.create(titled('Kept'));
    const binned = await library.create(titled('Binned'));
    await library.trash(binned.id);
    expect((await library.list()).map((summary) => summary.title)).toEqual(['Kept']);
    expect((await library.list({ trash: 'only' })).map((summary) => summary.title)).toEqual(['Binned']);
    await library.restore(binned.id);
    expect(await library.list()).toHaveLength(2);
    await library.trash(binned.id);
    expect(await library.emptyTrash()).toMatchObject({ deleted: 1 });
    expect((await library.list({ trash: 'include' })).map((summary) => summary.id)).toEqual([kept.id]);
    expect(await readdir(path.join(folder, 'drafts'))).not.toContain(`${binned.id}.json`);
    await expect(library.get(binned.id)).rejects.toMatchObject({ kind: 'not-found' });
    await library.close();
    expect(await readdir(folder)).not.toContain('emptied-trash');
    expect(await open(folder).then((reopened) => reopened.list({ trash: 'include' }))).toHaveLength(1);
  });

  it('undoes an emptying of the trash while the library is open: drafts, history and search come back', async () => {
    const folder = await newFolder();
    const clock = manualClock();
    const library = await open(folder, { now: clock.now });
    const binned = await library.create(titled('Binned by a slip'));
    clock.advance(10);
    await library.save(binned.id, { ...titled('Binned by a slip'), commentary: 'Findable zanzibar words.' });
    const other = await library.create(titled('Also binned'));
    await library.trash(binned.id);
    await library.trash(other.id);
    const historyBefore = await library.revisions(binned.id);

    const { deleted, batch } = await library.emptyTrash();
    expect(deleted).toBe(2);
    expect(await library.list({ trash: 'include' })).toEqual([]);
    expect(await library.list({ search: 'zanzibar', trash: 'include' })).toEqual([]);

    expect(await library.undoEmptyTrash(batch ?? '')).toBe(2);
    const back = await library.list({ trash: 'only' });
    expect(back.map((summary) => summary.title).sort()).toEqual(['Also binned', 'Binned by a slip']);
    expect((await library.list({ search: 'zanzibar', trash: 'include' })).map((summary) => summary.id)).toEqual([
      binned.id,
    ]);
    expect(await library.revisions(binned.id)).toEqual(historyBefore);
    await expect(library.undoEmptyTrash(batch ?? '')).rejects.toMatchObject({ kind: 'not-found' });
    await library.close();
    expect(await open(folder).then((reopened) => reopened.list({ trash: 'only' }))).toHaveLength(2);
  });

  it('an emptying is final once the library closes, or at the next open after a crash', async () => {
    const folder = await newFolder();
    const library = await open(folder);
    const binned = await library.create(titled('Binned'));
    await library.trash(binned.id);
    const { batch } = await library.emptyTrash();
    expect(await readdir(path.join(folder, 'emptied-trash', batch ?? ''))).toEqual(['drafts', 'revisions']);
    // A crash: the library is never closed; the next open finds the batch and lets it go.
    const reopened = await open(folder);
    expect(await readdir(folder)).not.toContain('emptied-trash');
    await expect(reopened.undoEmptyTrash(batch ?? '')).rejects.toMatchObject({ kind: 'not-found' });
    expect(await reopened.list({ trash: 'include' })).toEqual([]);
  });
});

describe('revision history', () => {
  it('keeps a snapshot per editing spell, bounded, and restores one as a new revision', async () => {
    const clock = manualClock();
    const library = await open(await newFolder(), {
      now: clock.now,
      history: { coalesceMs: 5 * 60_000, maxRevisions: 3 },
    });
    const draft = await library.create(titled('v1'));
    await library.save(draft.id, titled('v2'));
    await library.save(draft.id, titled('v3'));
    clock.advance(10);
    await library.save(draft.id, titled('v4'));
    clock.advance(10);
    await library.save(draft.id, titled('v5'));
    clock.advance(10);
    await library.save(draft.id, titled('v6'));

    const revisions = await library.revisions(draft.id);
    expect(revisions.map((revision) => revision.title)).toEqual(['v5', 'v4', 'v3']);
    const restored = await library.restoreRevision(draft.id, revisions[2]?.revision ?? -1);
    expect(restored.title).toBe('v3');
    expect(restored.revision).toBe(7);
    expect((await library.revisions(draft.id))[0]?.title).toBe('v6');
    await expect(library.restoreRevision(draft.id, 999)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('keeps the version that was published, by the blog it went to, and only that version', async () => {
    const clock = manualClock();
    const library = await open(await newFolder(), { now: clock.now });
    const draft = await library.create(reblogPost());
    await library.keepPublishedVersion(draft.id, 'account-one', contentHash(draft));
    // The same version confirmed again is not kept twice.
    await library.keepPublishedVersion(draft.id, 'account-one', contentHash(draft));
    clock.advance(10);
    await library.save(draft.id, { ...reblogPost(), title: 'Edited after publishing' });
    const [kept, ...others] = await library.revisions(draft.id);
    expect(kept).toMatchObject({ title: reblogPost().title, publishedTo: 'account-one' });
    expect(others).toEqual([]);
    expect((await library.revision(draft.id, kept?.revision ?? -1)).title).toBe(reblogPost().title);
    // A publish that finished after the writer typed on names a version no longer there: none is kept as published.
    clock.advance(10);
    await library.keepPublishedVersion(draft.id, 'account-two', 'an earlier hash');
    expect((await library.revisions(draft.id)).filter((revision) => revision.publishedTo !== undefined)).toHaveLength(
      1,
    );
  });

  it('keeps the version before a rewrite of most of the draft, even within the same spell', async () => {
    const clock = manualClock();
    const library = await open(await newFolder(), { now: clock.now });
    const draft = await library.create(reblogPost());
    const typed = { ...reblogPost(), commentary: `${reblogPost().commentary} And one more thought.` };
    await library.save(draft.id, typed);
    clock.advance(1);
    await library.save(draft.id, { ...typed, commentary: `${typed.commentary} Another.` });
    // A small edit within the spell keeps no version of its own.
    expect((await library.revisions(draft.id)).map((revision) => revision.revision)).toEqual([1]);
    clock.advance(1);
    // Select all, type something else: the version before is kept.
    await library.save(draft.id, { ...typed, title: 'Something else', commentary: 'Short.', quotes: [] });
    const revisions = await library.revisions(draft.id);
    expect(revisions.map((revision) => revision.revision)).toEqual([3, 1]);
    expect(revisions[0]?.title).toBe(reblogPost().title);
  });
});

describe('search, filters and tags', () => {
  it('finds drafts by any word of their title, text, quotes, sources and tags', async () => {
    const library = await open(await newFolder());
    const post = await library.create(reblogPost());
    const other = await library.create({
      title: 'On gardens',
      commentary: 'Zürich has lovely gardens.',
      hashtags: ['Gardening'],
      featuredImage: null,
      quotes: [
        {
          id: 'quote-garden',
          excerpt: 'Roses need sun.',
          note: 'check this',
          clipboardHtml: null,
          source: { ...emptySource(), title: 'Rose Care', author: 'Vita Sackville-West' },
        },
      ],
    });
    const ids = async (search: string) => (await library.list({ search })).map((summary) => summary.id);
    expect(await ids('shadow former')).toEqual([post.id]);
    expect(await ids('Peshmerga')).toEqual([post.id]);
    expect(await ids('rudaw')).toEqual([post.id]);
    expect(await ids('zurich')).toEqual([other.id]);
    expect(await ids('sackville')).toEqual([other.id]);
    expect(await ids('gardening')).toEqual([other.id]);
    expect(await ids('roses shadow')).toEqual([]);
    expect(await ids('gard')).toEqual([other.id]);

    await library.save(other.id, { ...reblogPost(), title: 'Now about Mosul', hashtags: [] });
    expect((await ids('mosul')).sort()).toEqual([post.id, other.id].sort());
    expect(await ids('zurich')).toEqual([]);
  });

  it('filters by tag and status, and counts tags for autocomplete', async () => {
    const { library, view, close } = await openWithOutbox(await newFolder());
    await library.create({ ...reblogPost(), hashtags: ['ISIS', 'Iraq'] });
    await library.create({ ...reblogPost(), hashtags: ['iraq', 'Syria'] });
    const binned = await library.create({ ...reblogPost(), hashtags: ['Iraq', 'Trash'] });
    await library.trash(binned.id);
    expect(await library.list({ tag: 'IRAQ' })).toHaveLength(2);
    expect(await library.list({ tag: 'syria' })).toHaveLength(1);
    expect(await view.list({ status: 'draft' })).toHaveLength(2);
    expect(await view.list({ status: 'published' })).toHaveLength(0);
    expect(await library.tags()).toEqual([
      { tag: 'Iraq', count: 2 },
      { tag: 'ISIS', count: 1 },
      { tag: 'Syria', count: 1 },
    ]);
    await close();
  });

  it('lists most recently updated first', async () => {
    const clock = manualClock();
    const library = await open(await newFolder(), { now: clock.now });
    const older = await library.create(titled('Older'));
    clock.advance(1);
    await library.create(titled('Newer'));
    clock.advance(1);
    expect((await library.list()).map((summary) => summary.title)).toEqual(['Newer', 'Older']);
    await library.save(older.id, titled('Older, edited'));
    expect((await library.list()).map((summary) => summary.title)).toEqual(['Older, edited', 'Newer']);
  });
});

describe('a damaged revision history', () => {
  it('is set aside, never blocks saving, and starts again', async () => {
    const folder = await newFolder();
    const clock = manualClock();
    const library = await open(folder, { now: clock.now });
    const draft = await library.create(titled('One'));
    await library.save(draft.id, titled('Two'));
    await library.close();
    await writeFile(path.join(folder, 'revisions', `${draft.id}.json`), '{"broken');

    const reopened = await open(folder, { now: clock.now });
    clock.advance(10);
    await reopened.save(draft.id, titled('Three'));
    expect((await reopened.revisions(draft.id)).map((revision) => revision.title)).toEqual(['Two']);
    const kept = (await readdir(path.join(folder, 'revisions'))).filter((name) => name.endsWith('.bad'));
    expect(kept).toHaveLength(1);
  });
});

describe('publish states', () => {
  it('are joined in from the outbox: a published post is changed by local edits (and back), and the draft never holds it', async () => {
    const folder = await newFolder();
    const { library, outbox, view, close } = await openWithOutbox(folder);
    const sent = titled('Sent');
    const draft = await library.create(sent);
    await outbox.publish({ draftId: draft.id, accountId: 'account-0001', schedule: { status: 'publish' } });
    expect((await view.list())[0]?.status).toBe('published');
    expect((await view.get(draft.id)).targets['account-0001']).toMatchObject({
      state: 'published',
      sentHash: contentHash(sent),
    });

    await library.save(draft.id, { ...sent, title: 'Sent, then edited' });
    expect((await view.get(draft.id)).targets['account-0001']?.state).toBe('changed-since-publish');
    expect((await view.list({ status: 'changed' })).map((summary) => summary.id)).toEqual([draft.id]);

    await library.save(draft.id, sent);
    expect((await view.get(draft.id)).targets['account-0001']?.state).toBe('published');
    const onDisk = JSON.parse(await readFile(draftFile(folder, draft.id), 'utf8')) as object;
    expect(onDisk).not.toHaveProperty('targets');
    await close();
  });

  it('are the same for a reader, which reads only the drafts the outbox has records of as it opens', async () => {
    const folder = await newFolder();
    const writer = await openWithOutbox(folder);
    const sent = titled('Sent');
    const edited = await writer.library.create(sent);
    const unchanged = await writer.library.create(sent);
    for (const { id } of [edited, unchanged]) {
      await writer.outbox.publish({ draftId: id, accountId: 'account-0001', schedule: { status: 'publish' } });
    }
    await writer.library.save(edited.id, { ...sent, title: 'Sent, then edited' });
    await writer.library.create(titled('Never sent'));
    await writer.close();

    const reader = await openLibraryAndOutbox({
      folder,
      readOnly: true,
      logError: () => undefined,
      adapterFor: () => Promise.reject(new Error('a reader reaches no blog')),
      postStyleFor: () => ({ hashtagsInTitle: false }),
      publish: () => undefined,
    });
    expect((await reader.view.get(edited.id)).targets['account-0001']?.state).toBe('changed-since-publish');
    expect((await reader.view.get(unchanged.id)).targets['account-0001']?.state).toBe('published');
    const statuses = Object.fromEntries((await reader.view.list()).map((summary) => [summary.title, summary.status]));
    expect(statuses).toEqual({ 'Sent, then edited': 'changed', Sent: 'published', 'Never sent': 'draft' });
    await reader.close();
  });
});
