import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExportReportSchema, ImportReportSchema } from '../../../shared/model/archive';
import { DraftSummarySchema } from '../../../shared/model/draft';
import { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { REBLOG_POST_FILE, reblogPost } from '../../support/fixtures';
import { runCli } from '../../support/cli';
import { useTempFolders } from '../../support/tempFolder';
import { writeWxr, type WxrPost } from '../../support/wxr';
import { sampleImage } from '../media/support/images';

const newFolder = useTempFolders();
const CLI = fileURLToPath(new URL('../../../electron/cli/bin.cjs', import.meta.url));

async function listed(data: string) {
  return DraftSummarySchema.array().parse(JSON.parse((await runCli(data, ['drafts', 'list', '--json'])).stdout));
}

describe('commonplace export and import', () => {
  it('exports the library, imports it into another (a dry run first), and a second import adds nothing', async () => {
    const data = await newFolder();
    const source = await DraftLibrary.open({ folder: data, logError: () => undefined });
    const made = [await source.create(reblogPost()), await source.create(reblogPost())];
    await source.close();
    const folder = path.join(await newFolder(), 'archive');
    const exported = await runCli(data, ['export', '--to', folder, '--json']);
    expect(exported.code).toBe(0);
    expect(ExportReportSchema.parse(JSON.parse(exported.stdout))).toEqual({
      folder,
      written: 2,
      format: 'markdown',
      images: 0,
      missingImages: [],
    });
    expect(exported.stderr).toContain('Exporting: 2 of 2');
    expect((await readdir(folder)).sort()).toHaveLength(3);

    const other = await newFolder();
    const dry = await runCli(other, ['import', folder, '--dry-run']);
    expect(dry).toMatchObject({
      code: 0,
      stdout: 'Would import 2 new drafts.\nQuotes recognised with their sources: 2.\n',
    });
    const imported = await runCli(other, ['import', folder, '--json']);
    expect(imported.code).toBe(0);
    expect(ImportReportSchema.parse(JSON.parse(imported.stdout))).toMatchObject({ created: 2, alreadyHere: 0 });
    expect((await listed(other)).map((summary) => summary.id).sort()).toEqual(made.map((draft) => draft.id).sort());
    const again = await runCli(other, ['import', folder]);
    expect(again.stdout).toBe('Imported 0 new drafts; 2 already here, left as they are.\n');
  });

  it('an image added to a draft goes out with the export and comes back with the import', async () => {
    const data = await newFolder();
    const id = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    const photo = path.join(data, 'harbour.png');
    await writeFile(photo, await sampleImage('png', 50, 40));
    const added = await runCli(data, ['media', 'add', id, photo, '--alt', 'The harbour', '--featured']);
    const { file } = JSON.parse(added.stdout) as { file: string };
    const folder = path.join(await newFolder(), 'archive');
    const exported = await runCli(data, ['export', '--to', folder]);
    expect(exported.stdout).toBe(`Exported 1 draft and 1 image to ${folder} (see its README.md).\n`);
    expect(await readdir(path.join(folder, 'media'))).toEqual([file]);

    const other = await newFolder();
    expect((await runCli(other, ['import', folder])).code).toBe(0);
    const shown = JSON.parse((await runCli(other, ['drafts', 'show', id, '--json'])).stdout) as {
      featuredImage: unknown;
      images: { info: unknown }[];
    };
    expect(shown.featuredImage).toEqual({ file, alt: 'The harbour' });
    expect(shown.images[0]?.info).toMatchObject({ file, width: 50, height: 40 });
  });

  it('a bad file exits 1 with the reason and imports nothing', async () => {
    const data = await newFolder();
    const file = path.join(await newFolder(), 'export.xml');
    await writeWxr(file, 'https://blog.example.org/', [
      { id: 1, content: { title: 'One', commentary: 'x', quotes: [], hashtags: [], featuredImage: null } },
    ]);
    const { readFile } = await import('node:fs/promises');
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 900));
    const result = await runCli(data, ['import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /\ncommonplace: .*export\.xml ends in the middle \(line \d+, column \d+: .*\): the file is cut short; export it again\.\n$/,
    );
    expect(await listed(data)).toEqual([]);
  });

  it('an import killed at random moments (SIGKILL) and run again ends with every post once', async () => {
    const data = await newFolder();
    const file = path.join(await newFolder(), 'big.xml');
    const posts: WxrPost[] = Array.from({ length: 240 }, (_, index) => ({
      id: index + 1,
      content: {
        title: `Post ${index + 1}`,
        commentary: `The text of post ${index + 1}.`,
        quotes: [],
        hashtags: ['bulk'],
        featuredImage: null,
      },
    }));
    await writeWxr(file, 'https://blog.example.org/', posts);
    const kills: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const child = spawn(process.execPath, [CLI, '--data', data, 'import', file], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let killed = false;
      child.stderr.setEncoding('utf8').on('data', (text: string) => {
        // Killed while importing, a different stretch in each round.
        const match = /Importing: (\d+) of/.exec(text);
        if (match && !killed && Number(match[1]) >= 30 * (round + 1)) {
          killed = true;
          child.kill('SIGKILL');
          kills.push(match[1] ?? '');
        }
      });
      await new Promise((resolve) => child.once('exit', resolve));
    }
    const finished = await runCli(data, ['import', file, '--json']);
    expect(finished.code).toBe(0);
    const report = ImportReportSchema.parse(JSON.parse(finished.stdout));
    expect(report.created + report.alreadyHere).toBe(posts.length);
    const drafts = await listed(data);
    expect(drafts).toHaveLength(posts.length);
    expect(new Set(drafts.map((draft) => draft.title)).size).toBe(posts.length);
    console.log(
      `import killed after ${kills.join(', ')} posts; then ${report.created} created, ${report.alreadyHere} already there`,
    );
  }, 180_000);
});
