import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ThemeSnapshotSchema } from '../../../shared/model/themeSnapshot';
import { slotMarker, THEMED_PREVIEW_CSP } from '../../../shared/theme/themePage';
import { themedDraftDocument } from '../../../shared/theme/themedDraft';
import { runCli } from '../../support/cli';
import { REBLOG_POST_FILE } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { seedThemedLibrary, THEMED_ACCOUNT } from '../../support/themeLibrary';
import { ShownDraftSchema } from './support/shownDraft';

const newFolder = useTempFolders();
const page = `<!DOCTYPE html><html><head>${slotMarker('head')}<style>body{font-family:Georgia}</style></head><body>
<h1 class="t" data-commonplace="title">${slotMarker('title')}</h1><div class="c" data-commonplace="body">${slotMarker('body')}</div>
<p data-commonplace="tags">${slotMarker('tags')}</p></body></html>`;

describe('commonplace drafts render --themed and accounts snapshot', () => {
  it('prints the page the themed preview shows: the draft in the blog’s theme, with its policy', async () => {
    const data = await newFolder();
    await seedThemedLibrary(data, 'Themed Blog', { page, tags: { link: '<a href="#">{tag}</a>', separator: ' · ' } });
    const id = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    const rendered = await runCli(data, ['drafts', 'render', id, '--themed', THEMED_ACCOUNT]);
    expect(rendered).toMatchObject({ code: 0, stderr: '' });
    const draft = ShownDraftSchema.parse(JSON.parse((await runCli(data, ['drafts', 'show', id, '--json'])).stdout));
    const snapshot = ThemeSnapshotSchema.parse(
      JSON.parse(await readFile(path.join(data, 'themes', `${THEMED_ACCOUNT}.json`), 'utf8')),
    );
    const options = { hashtagsInTitle: false, attribution: 'via' as const, linkToPassage: false, maxImageSide: 2048 };
    expect(rendered.stdout).toBe(themedDraftDocument(draft, options, snapshot));
    expect(rendered.stdout).toContain(`<meta http-equiv="Content-Security-Policy" content="${THEMED_PREVIEW_CSP}">`);
    expect(rendered.stdout).toContain('data-commonplace="title">ISIS in Iraq: A shadow of its former self');
    expect(rendered.stdout).toContain('<a href="#">ISIS</a> · <a href="#">Iraq</a>');
    expect(rendered.stdout).toContain('<blockquote');
  });

  it('exits 1 with the reason when there is no snapshot and the blog cannot be reached', async () => {
    const data = await newFolder();
    await seedThemedLibrary(data, 'Themed Blog', { page, tags: null });
    const id = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    await rm(path.join(data, 'themes'), { recursive: true });
    const rendered = await runCli(data, ['drafts', 'render', id, '--themed', THEMED_ACCOUNT]);
    expect(rendered.stdout).toBe('');
    expect(rendered.code).toBe(1);
    expect(rendered.stderr).toMatch(/^commonplace: 127\.0\.0\.1:9 could not be reached.*\n$/);

    const unknown = await runCli(data, ['drafts', 'render', id, '--themed', 'no-such-account']);
    expect(unknown).toMatchObject({
      code: 1,
      stderr: 'commonplace: There is no blog account with id no-such-account (see "accounts list").\n',
    });
    const snapshot = await runCli(data, ['accounts', 'snapshot', 'no-such-account']);
    expect(snapshot).toMatchObject({
      code: 1,
      stderr: 'commonplace: There is no blog account with id no-such-account (see "accounts list").\n',
    });
  });
});
