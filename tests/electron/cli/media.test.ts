import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DraftViewSchema } from '../../../shared/model/draft';
import { DraftImageSchema, ImageInfoSchema } from '../../../shared/model/image';
import { runCli } from '../../support/cli';
import { REBLOG_POST_FILE } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { htmlNamedPng, sampleImage } from '../media/support/images';

const newFolder = useTempFolders();

describe('commonplace media add', () => {
  it('adds an image to the commentary or as the featured image, and drafts show --json lists them', async () => {
    const data = await newFolder();
    const id = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    const photo = path.join(data, 'holiday.jpg');
    await writeFile(photo, await sampleImage('jpeg', 90, 60, { gps: true }));

    const added = await runCli(data, ['media', 'add', id, photo, '--alt', 'A beach at dusk']);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const image = ImageInfoSchema.extend({
      place: DraftImageSchema.shape.place,
      alt: DraftImageSchema.shape.alt,
    }).parse(JSON.parse(added.stdout));
    expect(image).toMatchObject({
      type: 'image/jpeg',
      width: 90,
      height: 60,
      place: 'commentary',
      alt: 'A beach at dusk',
    });
    // What the library keeps carries no EXIF, so no GPS.
    expect((await sharp(path.join(data, 'media', image.file)).metadata()).exif).toBeUndefined();

    const featured = await runCli(data, ['media', 'add', id, photo, '--featured']);
    expect(featured.code).toBe(0);
    expect(featured.stderr).toMatch(/no alt text/);

    const shown = JSON.parse((await runCli(data, ['drafts', 'show', id, '--json'])).stdout) as Record<string, unknown>;
    const { images, ...draft } = shown;
    const parsed = DraftViewSchema.parse(draft);
    expect(parsed.commentary.trimEnd().endsWith(`![A beach at dusk](media:${image.file})`)).toBe(true);
    expect(parsed.featuredImage).toEqual({ file: image.file, alt: '' });
    expect(
      DraftImageSchema.array()
        .parse(images)
        .map((each) => [each.place, each.alt, each.info?.width]),
    ).toEqual([
      ['featured', '', 90],
      ['commentary', 'A beach at dusk', 90],
    ]);
    expect((await runCli(data, ['drafts', 'show', id])).stdout).toMatch(/Images:\n {2}featured .*90×60 {2}no alt text/);
    expect((await runCli(data, ['drafts', 'render', id])).stdout).toContain(
      `<img src="media:${image.file}" alt="A beach at dusk" />`,
    );
  });

  it('refuses a file that is not an image with a one-line reason, leaving the draft as it was', async () => {
    const data = await newFolder();
    const id = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    const before = (await runCli(data, ['drafts', 'show', id, '--json'])).stdout;
    const fake = path.join(data, 'photo.png');
    await writeFile(fake, htmlNamedPng);
    const refused = await runCli(data, ['media', 'add', id, fake]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('commonplace: This file is not an image: it holds a web page (HTML).\n');
    expect((await runCli(data, ['drafts', 'show', id, '--json'])).stdout).toBe(before);
    expect((await runCli(data, ['media', 'add', id, path.join(data, 'missing.jpg')])).stderr).toMatch(/Cannot read/);
  });
});
