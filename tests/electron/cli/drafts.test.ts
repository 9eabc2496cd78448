import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftSummarySchema } from '../../../shared/model/draft';
import { renderPostBody } from '../../../shared/render/post';
import { runCli } from '../../support/cli';
import { REBLOG_POST_FILE } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { ShownDraftSchema } from './support/shownDraft';

const newFolder = useTempFolders();

describe('commonplace drafts', () => {
  it('creates the example post from its JSON file, then lists, shows and renders it', async () => {
    const data = await newFolder();
    const created = await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE]);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const id = created.stdout.trim();

    const listed = await runCli(data, ['drafts', 'list', '--json']);
    const summaries = DraftSummarySchema.array().parse(JSON.parse(listed.stdout));
    expect(summaries.map((summary) => [summary.id, summary.title, summary.hashtags])).toEqual([
      [id, 'ISIS in Iraq: A shadow of its former self – Can this be really true?', ['ISIS', 'Iraq']],
    ]);

    const shown = ShownDraftSchema.parse(JSON.parse((await runCli(data, ['drafts', 'show', id, '--json'])).stdout));
    expect(shown.images).toEqual([]);
    expect(shown.quotes[0]?.source.author).toBe('Rudaw');
    expect((await runCli(data, ['drafts', 'show', id])).stdout).toContain('#ISIS #Iraq');

    const rendered = await runCli(data, ['drafts', 'render', id]);
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toBe(renderPostBody(shown));
    expect(rendered.stdout).toContain('<blockquote>');
  });

  it('exits 1 with a one-line reason when the action fails', async () => {
    const data = await newFolder();
    const missing = await runCli(data, ['drafts', 'show', 'aaaaaaaaaaaa']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('commonplace: There is no draft with id aaaaaaaaaaaa.\n');

    const badFile = path.join(data, 'bad.json');
    await writeFile(badFile, JSON.stringify({ title: 7 }));
    const refused = await runCli(data, ['drafts', 'create', '--from', badFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^commonplace: .*bad\.json is not a post: .*title/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect((await runCli(data, ['drafts', 'list', '--json'])).stdout.trim()).toBe('[]');
  });

  it('exits 2 on a usage error', async () => {
    const data = await newFolder();
    expect((await runCli(data, ['drafts', 'frobnicate'])).code).toBe(2);
    expect((await runCli(data, ['drafts', 'create'])).code).toBe(2);
    expect((await runCli(data, ['serve', '--port', 'eighty'])).code).toBe(2);
    expect((await runCli(data, ['--help'])).code).toBe(0);
  });
});

describe('commonplace drafts: search, trash, revisions and tags', () => {
  it('searches, trashes, restores, lists revisions and counts tags', async () => {
    const data = await newFolder();
    const id = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    const found = await runCli(data, ['drafts', 'list', '--json', '--search', 'peshmerga', '--tag', 'iraq']);
    expect(
      DraftSummarySchema.array()
        .parse(JSON.parse(found.stdout))
        .map((summary) => summary.id),
    ).toEqual([id]);
    expect(JSON.parse((await runCli(data, ['drafts', 'list', '--json', '--search', 'gardening'])).stdout)).toEqual([]);

    expect((await runCli(data, ['tags', '--json'])).stdout.trim()).toBe(
      JSON.stringify([
        { tag: 'Iraq', count: 1 },
        { tag: 'ISIS', count: 1 },
      ]),
    );
    expect((await runCli(data, ['drafts', 'trash', id])).code).toBe(0);
    expect(JSON.parse((await runCli(data, ['drafts', 'list', '--json'])).stdout)).toEqual([]);
    const trashed = await runCli(data, ['drafts', 'list', '--trash']);
    expect(trashed.stdout).toContain(id);
    expect((await runCli(data, ['drafts', 'restore', id])).code).toBe(0);
    expect((await runCli(data, ['drafts', 'revisions', id, '--json'])).code).toBe(0);
    expect((await runCli(data, ['drafts', 'list', '--status', 'nonsense'])).code).toBe(2);
    expect((await runCli(data, ['drafts', 'restore-revision', id, '99'])).code).toBe(1);
  });
});
