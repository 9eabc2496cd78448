import { readdir, readFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/core/services';
import { imageMarkdown } from '../../../shared/media/references';
import type { DraftContent } from '../../../shared/model/draft';
import type { ImageInfo } from '../../../shared/model/image';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { htmlNamedPng, sampleImage } from './support/images';

const newFolder = useTempFolders();

async function open(folder: string, now = () => new Date()): Promise<Services> {
  return openServices({
    dataFolder: folder,
    access: { mode: 'write', program: { kind: 'app' } },
    logError: () => undefined,
    online: false,
    now,
  });
}

async function add(services: Services, bytes: Buffer): Promise<ImageInfo> {
  return services.handlers.addImage({ name: 'photo.jpg', data: bytes.toString('base64') });
}

/** Makes every image in media/ look added two hours ago, past the grace for unused images. */
async function ageImages(folder: string): Promise<void> {
  const media = path.join(folder, 'media');
  const old = new Date(Date.now() - 2 * 3600_000);
  for (const name of await readdir(media)) await utimes(path.join(media, name), old, old);
}

function withImage(content: DraftContent, info: ImageInfo, alt: string): DraftContent {
  return { ...content, commentary: `${content.commentary}\n\n${imageMarkdown(info.file, alt, 'A caption')}\n` };
}

describe('the media library', () => {
  it('keeps an image once under its SHA-256, durably, and describes it', async () => {
    const folder = await newFolder();
    const services = await open(folder);
    const bytes = await sampleImage('jpeg', 120, 80);
    const first = await add(services, bytes);
    const again = await add(services, bytes);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ type: 'image/jpeg', width: 120, height: 80 });
    expect(first.file).toMatch(/^[0-9a-f]{64}\.jpg$/);
    expect(await readdir(path.join(folder, 'media'))).toEqual([first.file]);
    const stored = await readFile(path.join(folder, 'media', first.file));
    const { createHash } = await import('node:crypto');
    expect(`${createHash('sha256').update(stored).digest('hex')}.jpg`).toBe(first.file);
    await services.close();
  });

  it('refuses a hostile file with a message and stores nothing', async () => {
    const folder = await newFolder();
    const services = await open(folder);
    await expect(add(services, htmlNamedPng)).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(await readdir(path.join(folder, 'media')).catch(() => [])).toEqual([]);
    await services.close();
  });

  it("lists a draft's images with their words and files: commentary, quotes and the featured one", async () => {
    const services = await open(await newFolder());
    const photo = await add(services, await sampleImage('jpeg', 30, 20));
    const chart = await add(services, await sampleImage('png', 40, 40));
    const content = reblogPost();
    const [quote] = content.quotes;
    if (!quote) throw new Error('the example post has a quote');
    const draft = await services.library.create({
      ...withImage(content, photo, 'A [bright] "day"'),
      quotes: [{ ...quote, excerpt: `${quote.excerpt}\n\n${imageMarkdown(chart.file, '')}` }],
      featuredImage: { file: photo.file, alt: 'Featured' },
    });
    const images = await services.handlers.draftImages({ id: draft.id });
    expect(images.map(({ place, alt, caption, file }) => ({ place, alt, caption, file }))).toEqual([
      { place: 'featured', alt: 'Featured', caption: '', file: photo.file },
      { place: 'commentary', alt: 'A [bright] "day"', caption: 'A caption', file: photo.file },
      { place: 'quote', alt: '', caption: '', file: chart.file },
    ]);
    expect(images[2]?.info).toEqual(chart);
    expect(images[2]?.quoteId).toBe(quote.id);
    await services.close();
  });

  it('keeps images while a draft, its trash or its revisions use them; removes them when the trash is emptied', async () => {
    const folder = await newFolder();
    const services = await open(folder);
    const kept = await add(services, await sampleImage('jpeg', 30, 20));
    const inTrash = await add(services, await sampleImage('png', 30, 20));
    const inHistory = await add(services, await sampleImage('webp', 30, 20));
    const unused = await add(services, await sampleImage('gif', 30, 20));
    const live = await services.library.create(withImage(reblogPost(), kept, 'kept'));
    const trashed = await services.library.create(withImage(reblogPost(), inTrash, 'trashed'));
    await services.library.trash(trashed.id);
    const edited = await services.library.create(withImage(reblogPost(), inHistory, 'old'));
    // The first save of an editing spell keeps a revision of the draft as it was: with the image.
    await services.library.save(edited.id, reblogPost());
    await services.library.close();
    await ageImages(folder);

    // A trashed draft keeps its images: nothing is removed before the trash is emptied.
    expect(await services.media.store.info(inTrash.file)).not.toBeNull();
    const emptied = await services.handlers.emptyTrash({});
    // The emptied draft can be brought back until the library closes: its image stays until then.
    expect(emptied).toMatchObject({ deleted: 1, imagesRemoved: 1 });
    expect((await readdir(path.join(folder, 'media'))).sort()).toEqual(
      [kept.file, inTrash.file, inHistory.file].sort(),
    );
    expect(live.id).toBeTruthy();
    await services.close();

    const reopened = await open(folder);
    expect(await reopened.handlers.emptyTrash({})).toEqual({ deleted: 0, batch: null, imagesRemoved: 1 });
    const left = (await readdir(path.join(folder, 'media'))).sort();
    expect(left).toEqual([kept.file, inHistory.file].sort());
    expect(left).not.toContain(unused.file);
    await reopened.close();
  });

  it('keeps an image added within the last hour even when no saved draft uses it yet', async () => {
    const folder = await newFolder();
    const services = await open(folder);
    const pasted = await add(services, await sampleImage('jpeg', 30, 20));
    expect(await services.handlers.emptyTrash({})).toEqual({ deleted: 0, batch: null, imagesRemoved: 0 });
    expect(await readdir(path.join(folder, 'media'))).toEqual([pasted.file]);
    await services.close();
  });
});
