import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaStore } from '../../../electron/core/media/mediaStore';
import { processImage } from '../../../electron/core/media/processImage';
import type { ImageUpload, RemoteImage } from '../../../electron/core/publishing/imageUpload';
import { imageMarkdown } from '../../../shared/media/references';
import { useTempFolders } from '../../support/tempFolder';
import { sampleImage } from '../media/support/images';
import { openHarness } from './support/harness';
import { MemoryBlog } from './support/memoryBlog';

const newFolder = useTempFolders();

/** A blog that keeps the bytes of each image it receives. */
class KeepingBlog extends MemoryBlog {
  readonly received: Uint8Array[] = [];

  override uploadImage(upload: ImageUpload): Promise<RemoteImage> {
    this.received.push(upload.data);
    return super.uploadImage(upload);
  }
}

describe('a blog’s longest image side, from its account’s options', () => {
  it('each blog gets the image scaled to its own side when the post goes out through the outbox', async () => {
    const folder = await newFolder();
    const file = (await new MediaStore(folder).put(await processImage(await sampleImage('jpeg', 3000, 2000)))).file;
    const narrow = new KeepingBlog();
    const wide = new KeepingBlog();
    const sides: Record<string, number> = { 'narrow-blog-1': 720, 'wide-blog-1': 2048 };
    const harness = await openHarness(
      folder,
      { 'narrow-blog-1': narrow, 'wide-blog-1': wide },
      { postStyleFor: (accountId) => ({ hashtagsInTitle: false, maxImageSide: sides[accountId] ?? 0 }) },
    );
    const draft = await harness.library.create({
      title: 'A wide photo',
      commentary: imageMarkdown(file, 'The estuary at low tide'),
      quotes: [],
      hashtags: [],
      featuredImage: null,
    });
    for (const accountId of Object.keys(sides)) {
      expect(
        await harness.outbox.publish({ draftId: draft.id, accountId, schedule: { status: 'publish' } }),
      ).toMatchObject({ kind: 'published' });
    }
    const [toNarrow] = narrow.received;
    const [toWide] = wide.received;
    const narrowSize = await sharp(toNarrow).metadata();
    const wideSize = await sharp(toWide).metadata();
    expect([narrowSize.width, narrowSize.height]).toEqual([720, 480]);
    expect([wideSize.width, wideSize.height]).toEqual([2048, 1365]);
    await harness.close();
  });
});
