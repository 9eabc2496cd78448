import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QuoteSchema } from '../../../shared/model/draft';
import { runCli } from '../../support/cli';
import { REBLOG_POST_FILE } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { ShownDraftSchema } from './support/shownDraft';

const newFolder = useTempFolders();
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A source page on loopback with the details an article page carries. */
async function servePage(): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><title>ISIS in Iraq: A shadow of its former self - Rudaw</title>
      <meta property="og:title" content="ISIS in Iraq: A shadow of its former self">
      <meta property="og:site_name" content="Rudaw">
      <meta name="author" content="Rudaw staff">
      <meta property="article:published_time" content="2016-08-10T09:51:00Z">
      </head><body><p>ERBIL, Kurdistan Region</p></body></html>`);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/english/isis`;
}

async function writeClipboard(folder: string, formats: Record<string, string>): Promise<string> {
  const file = path.join(folder, 'clipboard.json');
  await writeFile(file, JSON.stringify({ formats }));
  return file;
}

describe('commonplace quotes import', () => {
  it('adds a credited quote from copied HTML, filling the source from its page', async () => {
    const data = await newFolder();
    const id = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    const page = await servePage();
    const clipboard = await writeClipboard(data, {
      'text/html':
        '<p>ERBIL, Kurdistan Region—A picture of a <em>diminished</em> Islamic State</p><script>alert(1)</script>',
      'org.chromium.source-url': page,
    });
    const imported = await runCli(data, ['quotes', 'import', id, '--clipboard', clipboard]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const quote = QuoteSchema.parse(JSON.parse(imported.stdout));
    expect(quote.excerpt).toBe('ERBIL, Kurdistan Region—A picture of a _diminished_ Islamic State');
    expect(quote.source).toMatchObject({
      url: page,
      title: 'ISIS in Iraq: A shadow of its former self',
      siteName: 'Rudaw',
      author: 'Rudaw staff',
    });
    const draft = ShownDraftSchema.parse(JSON.parse((await runCli(data, ['drafts', 'show', id, '--json'])).stdout));
    expect(draft.quotes.map((each) => each.id)).toEqual([draft.quotes[0]?.id, quote.id]);
  });

  it('keeps the quote when the source page cannot be read, and says so', async () => {
    const data = await newFolder();
    const id = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    const clipboard = await writeClipboard(data, {
      'text/plain': 'A passage worth keeping.',
      'text/x-moz-url-priv': 'http://127.0.0.1:9/closed-port',
    });
    const imported = await runCli(data, ['quotes', 'import', id, '--clipboard', clipboard]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/^commonplace: the source's details were not filled in: /);
    expect(QuoteSchema.parse(JSON.parse(imported.stdout)).excerpt).toBe('A passage worth keeping.');
  });

  it('refuses an empty clipboard, an image only, or a file that is not clipboard formats', async () => {
    const data = await newFolder();
    const id = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    for (const formats of [{}, { 'image/png': '' }, { 'text/plain': '   ' }]) {
      const result = await runCli(data, ['quotes', 'import', id, '--clipboard', await writeClipboard(data, formats)]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    const notFormats = path.join(data, 'wrong.json');
    await writeFile(notFormats, JSON.stringify({ html: '<p>x</p>' }));
    expect((await runCli(data, ['quotes', 'import', id, '--clipboard', notFormats])).code).toBe(1);
    const draft = ShownDraftSchema.parse(JSON.parse((await runCli(data, ['drafts', 'show', id, '--json'])).stdout));
    expect(draft.quotes).toHaveLength(1);
  });
});

describe('commonplace quotes open', () => {
  it('makes a new draft from a commonplace:// quote link, and refuses a hostile one', async () => {
    const data = await newFolder();
    const link = `commonplace://quote?url=${encodeURIComponent('https://example.com/a')}&title=An%20Article&text=${encodeURIComponent('A passage worth keeping.')}`;
    const opened = await runCli(data, ['quotes', 'open', link]);
    expect(opened.code).toBe(0);
    const draft = ShownDraftSchema.parse(
      JSON.parse((await runCli(data, ['drafts', 'show', opened.stdout.trim(), '--json'])).stdout),
    );
    expect(draft.quotes[0]).toMatchObject({
      excerpt: 'A passage worth keeping.',
      source: { url: 'https://example.com/a', title: 'An Article' },
    });
    const hostile = await runCli(data, ['quotes', 'open', 'commonplace://quote?url=javascript:alert(1)&text=x']);
    expect(hostile.code).toBe(1);
    expect(hostile.stderr).toMatch(/^commonplace: This link cannot be opened: /);
  });
});
