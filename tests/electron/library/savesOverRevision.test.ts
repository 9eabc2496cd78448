import { describe, expect, it } from 'vitest';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import type { DraftContent } from '../../../shared/model/draft';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';

/**
 * A save names the revision its edits were made over (the desk's autosave does): a draft changed
 * elsewhere since (another window, a command) is not saved over, and a save that the writer
 * chose to make over it keeps it in the history; one saver's saves in a row, each over the revision the one before was acknowledged with, pass.
 */

const newFolder = useTempFolders();
const titled = (title: string): DraftContent => ({ ...reblogPost(), title });

function open(folder: string) {
  return DraftLibrary.open({ folder, logError: () => undefined });
}

describe('a save made over a revision', () => {
  it('is refused as a conflict once the draft was changed elsewhere, and nothing is written', async () => {
    const library = await open(await newFolder());
    const draft = await library.create(titled('Mine'));
    const elsewhere = await library.save(draft.id, { commentary: 'Written in another window.' });

    await expect(
      library.save(draft.id, { title: 'Typed here' }, { baseRevision: draft.revision }),
    ).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('changed elsewhere') as unknown });
    expect(await library.get(draft.id)).toMatchObject({
      title: 'Mine',
      commentary: 'Written in another window.',
      revision: elsewhere.revision,
    });
    await library.close();
  });

  it('made over the version now held and keeping what it replaces, goes in with the other version in the history', async () => {
    const library = await open(await newFolder());
    const draft = await library.create(titled('Mine'));
    // Within one editing spell: without being asked, the history would keep none of these.
    const elsewhere = await library.save(draft.id, { commentary: 'Written in another window.' });
    const kept = await library.save(
      draft.id,
      { title: 'Typed here' },
      { baseRevision: elsewhere.revision, keepReplaced: true },
    );
    expect(kept).toMatchObject({ title: 'Typed here', commentary: 'Written in another window.' });
    expect(await library.revision(draft.id, elsewhere.revision)).toMatchObject({
      title: 'Mine',
      commentary: 'Written in another window.',
    });
    await library.close();
  });

  it('passes for one saver in a row, each over the revision the one before was acknowledged with', async () => {
    const library = await open(await newFolder());
    const draft = await library.create(titled('Start'));
    let revision = draft.revision;
    for (let index = 0; index < 20; index += 1) {
      const saved = await library.save(draft.id, { commentary: `Word ${index}` }, { baseRevision: revision });
      expect(saved.revision).toBe(revision + 1);
      revision = saved.revision;
    }
    expect(await library.get(draft.id)).toMatchObject({ commentary: 'Word 19', revision });
    await library.close();
  });

  it('is checked on its own even while other saves of the draft wait: of two made over the same revision, the second is refused', async () => {
    const library = await open(await newFolder());
    const draft = await library.create(titled('Start'));
    // A command's save runs first; two windows' saves, both over the revision they saw, wait behind it.
    const results = await Promise.allSettled([
      library.save(draft.id, { hashtags: ['cli'] }),
      library.save(draft.id, { title: 'From window one' }, { baseRevision: draft.revision + 1 }),
      library.save(draft.id, { commentary: 'From window two' }, { baseRevision: draft.revision + 1 }),
      library.save(draft.id, { hashtags: ['cli', 'later'] }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(results[2]).toMatchObject({ reason: { kind: 'conflict' } });
    expect(await library.get(draft.id)).toMatchObject({
      title: 'From window one',
      commentary: reblogPost().commentary,
      hashtags: ['cli', 'later'],
      revision: draft.revision + 3,
    });
    await library.close();
  });

  it('without a revision, goes over whatever the draft holds, and such saves still coalesce', async () => {
    const library = await open(await newFolder());
    const draft = await library.create(titled('Start'));
    await library.save(draft.id, { commentary: 'Elsewhere.' });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => library.save(draft.id, { title: `Title ${index}` })),
    );
    expect(results.at(-1)).toMatchObject({ title: 'Title 9', commentary: 'Elsewhere.' });
    // The first ran alone; the nine submitted meanwhile went in together.
    expect(results.at(-1)?.revision).toBe(draft.revision + 3);
    await library.close();
  });
});
