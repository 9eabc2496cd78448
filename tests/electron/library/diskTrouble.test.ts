import { afterEach, describe, expect, it } from 'vitest';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import type { DraftContent } from '../../../shared/model/draft';
import { mountSmallDisk, smallDiskSkipReason, type SmallDisk } from '../../support/smallDisk';

const skipReason = smallDiskSkipReason();
const disks: SmallDisk[] = [];
afterEach(async () => {
  await Promise.all(disks.splice(0).map((disk) => disk.unmount()));
});

const content = (commentary: string): DraftContent => ({
  title: 'On a full disk',
  commentary,
  quotes: [],
  hashtags: [],
  featuredImage: null,
});

describe.skipIf(skipReason !== null)('saving when the disk is full or read-only', () => {
  async function libraryOnSmallDisk() {
    const disk = await mountSmallDisk();
    disks.push(disk);
    const library = await DraftLibrary.open({ folder: disk.folder, logError: () => undefined });
    return { disk, library };
  }

  it('a full disk refuses the save in words, keeps the last acknowledged save whole, and saves again once there is room', async () => {
    const { disk, library } = await libraryOnSmallDisk();
    const draft = await library.create(content('Acknowledged before the disk filled.'));
    await disk.fill();

    const refused = await library.save(draft.id, content('Typed on a full disk.')).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      kind: 'storage',
      message:
        '“On a full disk” is not saved yet: the disk is full. Your words stay on screen; free some space and saving resumes by itself.',
    });
    const reopened = await DraftLibrary.open({ folder: disk.folder, logError: () => undefined, readOnly: true });
    expect((await reopened.get(draft.id)).commentary).toBe('Acknowledged before the disk filled.');

    await disk.free();
    const saved = await library.save(draft.id, content('Typed on a full disk.'));
    expect(saved.commentary).toBe('Typed on a full disk.');
    await library.close();
    const afterwards = await DraftLibrary.open({ folder: disk.folder, logError: () => undefined });
    expect((await afterwards.get(draft.id)).commentary).toBe('Typed on a full disk.');
  });

  it('a folder that became read-only refuses the save in words, and saving works again once it is writable', async () => {
    const { disk, library } = await libraryOnSmallDisk();
    const draft = await library.create(content('Acknowledged.'));
    await disk.readOnly(true);
    const refused = await library.save(draft.id, content('Typed while read-only.')).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      kind: 'storage',
      message: expect.stringMatching(/cannot be written \(it may have become read-only\)/) as unknown,
    });
    await disk.readOnly(false);
    expect((await library.save(draft.id, content('Typed while read-only.'))).commentary).toBe('Typed while read-only.');
    await library.close();
  });
});
