import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { DraftSchema } from '../../../shared/model/draft';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();
const quiet = { logError: () => undefined };

describe('the draft library', () => {
  it('keeps one document per draft, and what it acknowledged is on disk', async () => {
    const folder = await newFolder();
    const library = await DraftLibrary.open({ folder, ...quiet });
    const draft = await library.create(reblogPost());
    const saved = await library.save(draft.id, { ...reblogPost(), title: 'Edited' });
    expect(saved.revision).toBe(2);
    const onDisk = DraftSchema.parse(
      JSON.parse(await readFile(path.join(folder, 'drafts', `${draft.id}.json`), 'utf8')),
    );
    expect(onDisk).toEqual(saved);
    expect(await readdir(path.join(folder, 'drafts'))).toEqual([`${draft.id}.json`]);
  });

  it('serialises concurrent saves of one draft: the last one submitted wins', async () => {
    const library = await DraftLibrary.open({ folder: await newFolder(), ...quiet });
    const draft = await library.create();
    const saves = Array.from({ length: 20 }, (_, index) =>
      library.save(draft.id, { ...reblogPost(), title: `Title ${index}` }),
    );
    const results = await Promise.all(saves);
    expect(results.at(-1)?.title).toBe('Title 19');
    expect((await library.get(draft.id)).title).toBe('Title 19');
    const revisions = results.map((result) => result.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  });

  it('finds its drafts again after a restart, even when the index was never written', async () => {
    const folder = await newFolder();
    const first = await DraftLibrary.open({ folder, indexDelayMs: 60_000, ...quiet });
    const draft = await first.create(reblogPost());
    const reopened = await DraftLibrary.open({ folder, ...quiet });
    expect(reopened.list().map((summary) => summary.id)).toEqual([draft.id]);
    await reopened.close();
  });

  it('rebuilds a corrupt index from the documents', async () => {
    const folder = await newFolder();
    const library = await DraftLibrary.open({ folder, ...quiet });
    const draft = await library.create(reblogPost());
    await library.close();
    await writeFile(path.join(folder, 'index.json'), '{"schemaVersion":1,"dra');
    const reopened = await DraftLibrary.open({ folder, ...quiet });
    expect(reopened.list().map((summary) => summary.title)).toEqual([draft.title]);
  });

  it('answers not-found for an unknown draft', async () => {
    const library = await DraftLibrary.open({ folder: await newFolder(), ...quiet });
    await expect(library.get('aaaaaaaaaaaa')).rejects.toMatchObject({ kind: 'not-found' });
    await expect(library.save('aaaaaaaaaaaa', reblogPost())).rejects.toMatchObject({ kind: 'not-found' });
  });
});
