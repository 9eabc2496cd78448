import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { emptyDraftContent } from '../../../shared/model/draft';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();
const ROUNDS = 60;

/**
 * A save renames the draft's document aside, then the new one in. A read in between finds no
 * document; it must wait for the save, not take the moment for a crash and write the copy just
 * replaced back over the save (which lost acknowledged saves and failed others).
 */
it('a read of a draft while it is being saved never undoes the save', async () => {
  const folder = await newFolder();
  const library = await DraftLibrary.open({ folder, logError: () => undefined });
  const { id } = await library.create();
  const file = path.join(folder, 'drafts', `${id}.json`);
  const problems: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const progress = { saved: false };
    const saving = library
      .save(id, { ...emptyDraftContent(), title: `save ${round}` })
      .finally(() => (progress.saved = true));
    // Reads one after another, as the app's calls come, for as long as the save takes.
    while (!progress.saved) {
      const { title } = await library.get(id);
      if (title !== `save ${round}` && title !== `save ${round - 1}` && round > 1)
        problems.push(`round ${round}: read “${title}”`);
    }
    await saving.catch((error: unknown) => problems.push(`round ${round}: the save failed: ${String(error)}`));
    const onDisk = (JSON.parse(await readFile(file, 'utf8')) as { title: string }).title;
    if (onDisk !== `save ${round}`) problems.push(`round ${round}: on disk “${onDisk}”`);
  }
  expect(problems).toEqual([]);
  expect(library.notices()).toEqual([]);
  await library.close();
});
