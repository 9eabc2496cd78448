import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportLibrary } from '../../../electron/core/archive/exportLibrary';
import { importArchive, type ImportOptions } from '../../../electron/core/archive/importArchive';
import type { Account } from '../../../shared/model/account';
import { contentHash } from '../../../shared/model/contentHash';
import type { Draft, DraftContent } from '../../../shared/model/draft';
import { processImage } from '../../../electron/core/media/processImage';
import { imageMarkdown } from '../../../shared/media/references';
import { renderPostBody } from '../../../shared/render/post';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { sampleImage } from '../media/support/images';
import { openHarness, type Harness } from '../outbox/support/harness';
import { awkwardDrafts } from './support/drafts';

const newFolder = useTempFolders();
let counter = 0;
const newId = (): string => `quote-new-${String((counter += 1)).padStart(6, '0')}`;

const wordpress: Account = {
  id: 'account-wordpress-1',
  kind: 'wordpress',
  address: 'https://blog.example.org/',
  user: 'ann',
  blogName: 'Ann’s blog',
  userName: 'Ann',
  canPublish: true,
  options: { hashtagsInTitle: false, attribution: 'via', linkToPassage: false, maxImageSide: 2048 },
  addedAt: '2026-01-01T00:00:00.000Z',
};

/** A library with its outbox, which owns where drafts stand on blogs (an import links through it). */
async function openLibrary(): Promise<Harness> {
  return openHarness(await newFolder(), {});
}

/** What the writer wrote, as an export carries it (the clipboard's HTML is provenance kept only in the library). */
function written(draft: Draft | DraftContent) {
  return {
    title: draft.title,
    commentary: draft.commentary,
    hashtags: draft.hashtags,
    quotes: draft.quotes.map((quote) => ({ ...quote, clipboardHtml: null })),
  };
}

/** Everything in the library, as Markdown, into a folder given later. */
function exportOptions(opened: Harness) {
  return {
    library: opened.library,
    media: opened.media,
    view: opened.view,
    accounts: [],
    format: 'markdown',
    draftIds: null,
    now: () => new Date('2026-02-01T00:00:00.000Z'),
  } as const;
}

function importInto(opened: Harness, input: string, overrides: Partial<ImportOptions> = {}) {
  return importArchive({
    library: opened.library,
    media: opened.media,
    links: opened.outbox,
    accounts: [wordpress],
    sitePost: () => Promise.resolve(null),
    path: input,
    dryRun: false,
    newId,
    ...overrides,
  });
}

describe('export, then import: the same drafts back', () => {
  it('gives back content-equal drafts, with their ids, dates and blog links; importing twice creates nothing twice', async () => {
    const source = await openLibrary();
    const made: Draft[] = [];
    for (const content of awkwardDrafts()) made.push(await source.library.create(content));
    const first = made[0];
    if (!first) throw new Error('no drafts');
    await source.outbox.link(first.id, wordpress.id, {
      remoteId: '42',
      url: 'https://blog.example.org/2026/01/isis/',
      remoteModifiedAt: '2026-01-05T10:00:00.000Z',
      sentHash: contentHash(first),
      held: null,
    });
    const folder = path.join(await newFolder(), 'export');
    const report = await exportLibrary({ ...exportOptions(source), accounts: [wordpress], folder });
    expect(report).toEqual({ folder, written: made.length, format: 'markdown', images: 0, missingImages: [] });
    const files = (await readdir(folder)).sort();
    expect(files).toContain('README.md');
    expect(files.filter((name) => name.endsWith('.md'))).toHaveLength(made.length + 1);
    expect(await readFile(path.join(folder, 'README.md'), 'utf8')).toContain('Import this folder into Commonplace');

    const target = await openLibrary();
    const imported = await importInto(target, folder);
    expect(imported).toMatchObject({ source: 'markdown-folder', created: made.length, alreadyHere: 0 });
    expect(imported.linked).toEqual([{ accountId: wordpress.id, blogName: wordpress.blogName, posts: 1 }]);
    for (const draft of made) {
      const back = await target.library.get(draft.id);
      expect(written(back), draft.title).toEqual(written(draft));
      expect(back.createdAt).toBe(draft.createdAt);
      expect(back.updatedAt).toBe(draft.updatedAt);
    }
    expect(target.outbox.targetsOf(first.id)[wordpress.id]).toMatchObject({
      state: 'published',
      remoteId: '42',
      url: 'https://blog.example.org/2026/01/isis/',
      remoteModifiedAt: '2026-01-05T10:00:00.000Z',
    });

    const again = await importInto(target, folder);
    expect(again).toMatchObject({ created: 0, alreadyHere: made.length });
    expect(await target.library.list()).toHaveLength(made.length);
    await Promise.all([source.close(), target.close()]);
  });

  it('carries how the blog holds a post: a draft on the blog comes back a draft on the blog, a scheduled post scheduled', async () => {
    const source = await openLibrary();
    const held = [
      { as: 'draft', open: { kind: 'editor', url: 'https://blog.example.org/wp-admin/post.php?post=7&action=edit' } },
      { as: 'scheduled', until: '2031-01-02T04:00:00.000Z', open: null },
    ] as const;
    const drafts = [];
    for (const [index, hold] of held.entries()) {
      const draft = await source.library.create({ ...reblogPost(), title: `Held ${index}` });
      await source.outbox.link(draft.id, wordpress.id, {
        remoteId: String(7 + index),
        url: `https://blog.example.org/?p=${7 + index}`,
        remoteModifiedAt: '2026-01-05T10:00:00.000Z',
        sentHash: contentHash(draft),
        held: hold,
      });
      drafts.push(draft);
    }
    const folder = path.join(await newFolder(), 'export');
    await exportLibrary({ ...exportOptions(source), accounts: [wordpress], folder });
    const target = await openLibrary();
    await importInto(target, folder);
    for (const [index, draft] of drafts.entries()) {
      expect(target.outbox.targetsOf(draft.id)[wordpress.id]).toMatchObject({
        state: 'published',
        remoteId: String(7 + index),
        held: held[index],
      });
    }
    await Promise.all([source.close(), target.close()]);
  });

  it('carries the drafts’ images: copied beside the files, named by relative path, back in the library as they were', async () => {
    const source = await openLibrary();
    const chart = (await source.media.put(await processImage(await sampleImage('png', 60, 40)))).file;
    const photo = (await source.media.put(await processImage(await sampleImage('jpeg', 80, 60)))).file;
    const example = reblogPost();
    const [quote] = example.quotes;
    if (quote === undefined) throw new Error('the example post has a quote');
    const drafts = [
      await source.library.create({
        ...example,
        commentary: `${example.commentary}\n\n${imageMarkdown(chart, 'Sales [by] month', 'Sales, “2026”')}`,
        quotes: [{ ...quote, excerpt: `${quote.excerpt}\n\n${imageMarkdown(photo, 'The harbour')}` }],
        featuredImage: { file: photo, alt: 'The harbour at dawn' },
      }),
      // The same image in a second draft: one copy in the export.
      await source.library.create({ ...example, title: 'Another', featuredImage: { file: chart, alt: '' } }),
    ];
    const folder = path.join(await newFolder(), 'export');
    const report = await exportLibrary({ ...exportOptions(source), folder });
    expect(report).toMatchObject({ written: 2, images: 2, missingImages: [] });
    expect((await readdir(path.join(folder, 'media'))).sort()).toEqual([chart, photo].sort());
    for (const file of [chart, photo]) {
      expect(await readFile(path.join(folder, 'media', file))).toEqual(await source.media.read(file));
    }
    const texts = await Promise.all(
      (await readdir(folder))
        .filter((name) => name.endsWith('.md') && name !== 'README.md')
        .map((name) => readFile(path.join(folder, name), 'utf8')),
    );
    const text = texts.join('\n');
    expect(text).toContain(`](media/${chart} "Sales, “2026”")`);
    expect(text).toContain(`> ![The harbour](media/${photo})`);
    expect(text).toContain(`featuredImage:\n  file: media/${photo}\n  alt: The harbour at dawn`);

    const target = await openLibrary();
    const imported = await importInto(target, folder);
    expect(imported).toMatchObject({ created: 2, missingImages: [] });
    for (const draft of drafts) {
      const back = await target.library.get(draft.id);
      expect({ ...written(back), featuredImage: back.featuredImage }).toEqual({
        ...written(draft),
        featuredImage: draft.featuredImage,
      });
    }
    for (const file of [chart, photo]) expect(await target.media.read(file)).toEqual(await source.media.read(file));
    await Promise.all([source.close(), target.close()]);
  });

  it('an HTML export gives back its images too: the preview of each draft is the same after the round trip', async () => {
    const source = await openLibrary();
    const chart = (await source.media.put(await processImage(await sampleImage('png', 60, 40)))).file;
    const example = reblogPost();
    const [quote] = example.quotes;
    if (quote === undefined) throw new Error('the example post has a quote');
    const draft = await source.library.create({
      ...example,
      commentary: `${example.commentary}\n\n${imageMarkdown(chart, 'Sales by month', 'Sales, 2026')}`,
      quotes: [{ ...quote, excerpt: `${quote.excerpt}\n\n${imageMarkdown(chart, 'The chart again')}` }],
    });
    const folder = path.join(await newFolder(), 'export');
    await exportLibrary({ ...exportOptions(source), format: 'html', folder });
    const target = await openLibrary();
    expect(await importInto(target, folder)).toMatchObject({ created: 1, missingImages: [] });
    const back = await target.library.get(draft.id);
    expect(back.commentary).toContain(`(media:${chart} "Sales, 2026")`);
    expect(back.quotes[0]?.excerpt).toContain(`(media:${chart})`);
    const shown = (html: string): string => html.replace(/\s+/g, ' ').replace(/> /g, '>').replace(/ </g, '<');
    expect(shown(renderPostBody(back))).toBe(shown(renderPostBody(draft)));
    await Promise.all([source.close(), target.close()]);
  });

  it('an image missing from the library is named in both reports; its drafts come back naming it all the same', async () => {
    const source = await openLibrary();
    const missing = `${'c'.repeat(64)}.png`;
    const draft = await source.library.create({
      ...reblogPost(),
      commentary: `Lost: ${imageMarkdown(missing, 'A lost chart')}`,
    });
    const folder = path.join(await newFolder(), 'export');
    expect(await exportLibrary({ ...exportOptions(source), folder })).toMatchObject({
      images: 0,
      missingImages: [missing],
    });
    const target = await openLibrary();
    expect(await importInto(target, folder)).toMatchObject({ created: 1, missingImages: [missing] });
    expect((await target.library.get(draft.id)).commentary).toBe(draft.commentary);
    await Promise.all([source.close(), target.close()]);
  });

  it('a dry run reports what would be imported and changes nothing', async () => {
    const source = await openLibrary();
    for (const content of awkwardDrafts()) await source.library.create(content);
    const folder = path.join(await newFolder(), 'export');
    await exportLibrary({ ...exportOptions(source), folder });
    const target = await openLibrary();
    const report = await importInto(target, folder, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, created: awkwardDrafts().length, alreadyHere: 0 });
    expect(await target.library.list()).toEqual([]);
    await Promise.all([source.close(), target.close()]);
  });

  it('exports only the drafts named, as the preview’s HTML when asked', async () => {
    const source = await openLibrary();
    const [one] = await Promise.all(
      awkwardDrafts()
        .slice(0, 2)
        .map((content) => source.library.create(content)),
    );
    if (!one) throw new Error('no draft');
    const folder = path.join(await newFolder(), 'html');
    const report = await exportLibrary({ ...exportOptions(source), folder, format: 'html', draftIds: [one.id] });
    expect(report.written).toBe(1);
    const [file] = (await readdir(folder)).filter((name) => name.endsWith('.html'));
    expect(await readFile(path.join(folder, file ?? ''), 'utf8')).toContain(
      '<blockquote cite="https://www.rudaw.net/english/middleeast/iraq/isis">',
    );
    await source.close();
  });

  it('refuses to export into a folder that holds other files', async () => {
    const source = await openLibrary();
    const folder = await newFolder();
    await writeFile(path.join(folder, 'thesis.docx'), 'mine');
    await expect(exportLibrary({ ...exportOptions(source), folder })).rejects.toThrow(
      `${folder} already holds other files: export into an empty folder (or one an earlier export made).`,
    );
    await source.close();
  });
});

describe('bad input: a clear message, and nothing imported', () => {
  async function exportedFolder(): Promise<string> {
    const source = await openLibrary();
    for (const content of awkwardDrafts()) await source.library.create(content);
    const folder = path.join(await newFolder(), 'export');
    await exportLibrary({ ...exportOptions(source), folder });
    await source.close();
    return folder;
  }

  it('an export file with a front matter field it does not know (a typo) names it; no draft is made', async () => {
    const folder = await exportedFolder();
    const [name] = (await readdir(folder)).filter((file) => file !== 'README.md').sort();
    const file = path.join(folder, name ?? '');
    await writeFile(file, (await readFile(file, 'utf8')).replace('hashtags:', 'hashtag:'));
    const target = await openLibrary();
    await expect(importInto(target, folder)).rejects.toThrow(
      `Nothing was imported: 1 file cannot be read. ${name}: its front matter has a field a Commonplace export does not have: “hashtag”`,
    );
    expect(await target.library.list()).toEqual([]);
    await target.close();
  });

  it('an image copy that is not the image it is named for (edited, or another file) is refused; nothing is imported', async () => {
    const source = await openLibrary();
    const chart = (await source.media.put(await processImage(await sampleImage('png', 60, 40)))).file;
    await source.library.create({ ...reblogPost(), featuredImage: { file: chart, alt: 'A chart' } });
    const folder = path.join(await newFolder(), 'export');
    await exportLibrary({ ...exportOptions(source), folder });
    await source.close();
    const copy = path.join(folder, 'media', chart);
    const target = await openLibrary();
    await writeFile(copy, (await processImage(await sampleImage('png', 61, 40))).data);
    await expect(importInto(target, folder)).rejects.toThrow(
      `Nothing was imported: 1 file cannot be read. ${copy}: It is not the image its name says: its content has changed since it was exported.`,
    );
    // A web page named by its own hash, as if it were a PNG the draft uses.
    const page = Buffer.from('<!doctype html><script>alert(1)</script>');
    const disguised = `${createHash('sha256').update(page).digest('hex')}.png`;
    await writeFile(path.join(folder, 'media', disguised), page);
    const [name = ''] = (await readdir(folder)).filter((file) => file.endsWith('.md') && file !== 'README.md');
    const file = path.join(folder, name);
    await writeFile(file, (await readFile(file, 'utf8')).replace(chart, disguised));
    await expect(importInto(target, folder)).rejects.toThrow(
      `Nothing was imported: 1 file cannot be read. ${path.join(folder, 'media', disguised)}: It is not a PNG image.`,
    );
    expect(await target.library.list()).toEqual([]);
    expect(await target.media.files()).toEqual([]);
    await target.close();
  });

  it('front matter that is not YAML, or a "billion laughs" of aliases, is refused by name', async () => {
    const folder = await newFolder();
    await writeFile(path.join(folder, 'good.md'), '---\ntitle: Fine\n---\nText.\n');
    await writeFile(path.join(folder, 'broken.md'), '---\ntitle: [unclosed\n---\nText.\n');
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      laughs.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
    }
    await writeFile(path.join(folder, 'laughs.md'), `---\n${laughs.join('\n')}\ntitle: Bomb\n---\nText.\n`);
    const target = await openLibrary();
    const failure = importInto(target, folder);
    await expect(failure).rejects.toThrow(
      /Nothing was imported: 2 files cannot be read\. broken\.md: its front matter is not valid YAML/,
    );
    await expect(failure).rejects.toThrow(/laughs\.md: its front matter is not valid YAML/);
    expect(await target.library.list()).toEqual([]);
    await target.close();
  });

  it('a path that does not exist, or a file that is neither XML nor Markdown', async () => {
    const folder = await newFolder();
    const target = await openLibrary();
    await expect(importInto(target, path.join(folder, 'missing.xml'))).rejects.toThrow(
      `${path.join(folder, 'missing.xml')} does not exist.`,
    );
    await writeFile(path.join(folder, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    await expect(importInto(target, path.join(folder, 'photo.jpg'))).rejects.toThrow('is neither a WordPress export');
    await mkdir(path.join(folder, 'empty'));
    await expect(importInto(target, path.join(folder, 'empty'))).rejects.toThrow('holds no Markdown posts');
    await target.close();
  });
});

describe('folders of Markdown from elsewhere', () => {
  it('a Jekyll _posts folder and an Obsidian note: titles, dates, tags; fields it has no place for are reported', async () => {
    const folder = await newFolder();
    await mkdir(path.join(folder, '_posts'));
    await writeFile(
      path.join(folder, '_posts', '2024-03-05-hello-world.md'),
      '---\nlayout: post\ntitle: "Hello, world"\ndate: 2024-03-05 10:20:00 +0000\ntags: [jekyll, first]\ncategories: news\n---\nThe *first* post.\n',
    );
    await writeFile(path.join(folder, 'Reading notes.md'), '# Notes on reading\n\nSlow reading, #slowly.\n');
    const target = await openLibrary();
    const report = await importInto(target, folder);
    expect(report).toMatchObject({ source: 'markdown-folder', created: 2, ignoredFields: ['categories'] });
    const drafts = await Promise.all((await target.library.list()).map((summary) => target.library.get(summary.id)));
    const jekyll = drafts.find((draft) => draft.title === 'Hello, world');
    expect(jekyll).toMatchObject({
      commentary: 'The *first* post.',
      hashtags: ['jekyll', 'first'],
      createdAt: '2024-03-05T10:20:00.000Z',
    });
    const obsidian = drafts.find((draft) => draft.title === 'Notes on reading');
    expect(obsidian?.commentary).toBe('Slow reading, #slowly.');
    expect((await importInto(target, folder)).created).toBe(0);
    await target.close();
  });
});
