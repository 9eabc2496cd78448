import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/contract';
import { openServices } from '../../../electron/core/services';
import { openDraftFor } from '../../../electron/core/shell/openDraft';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();

async function setUp() {
  const folder = await newFolder();
  const opened = await openServices({
    dataFolder: path.join(folder, 'library'),
    access: { mode: 'write', program: { kind: 'app' } },
    logError: () => undefined,
  });
  const { library, events } = opened;
  const published: AppEvent[] = [];
  events.subscribe((event) => published.push(event));
  const services = { library, events, now: () => new Date('2026-11-24T08:00:00Z'), newId: () => 'quote-id-1' };
  const reader = {
    get: (id: string) => library.get(id),
    list: () => library.list(),
    close: () => opened.close(),
  };
  return { folder, library: reader, published, services };
}

describe('opening what the OS hands over', () => {
  it('imports a markdown file as a saved draft, announces it, then shows it', async () => {
    const { folder, library, published, services } = await setUp();
    const file = path.join(folder, 'essay.md');
    await writeFile(file, '# Reading slowly #books\n\nWhy I read less, and better.\n');
    const draft = await openDraftFor({ kind: 'markdown-file', path: file }, services);
    expect(await library.get(draft.id)).toMatchObject({
      title: 'Reading slowly',
      commentary: 'Why I read less, and better.',
      hashtags: ['books'],
    });
    expect(published).toEqual([
      { type: 'draft-changed', summary: expect.objectContaining({ id: draft.id, title: 'Reading slowly' }) as unknown },
      { type: 'tags-changed', tags: [{ tag: 'books', count: 1 }] },
      { type: 'open-draft', id: draft.id },
    ]);
    await library.close();
  });

  it('makes a draft of a quote link, with the passage as its quote', async () => {
    const { library, published, services } = await setUp();
    const link = `commonplace://quote?url=${encodeURIComponent('https://example.com/a')}&title=A&text=Passage`;
    const draft = await openDraftFor({ kind: 'link', link }, services);
    const { quotes } = await library.get(draft.id);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({
      id: 'quote-id-1',
      excerpt: 'Passage',
      source: { url: 'https://example.com/a', title: 'A', capturedAt: '2026-11-24T08:00:00.000Z' },
    });
    expect(published.at(-1)).toEqual({ type: 'open-draft', id: draft.id });
    await library.close();
  });

  it('creates nothing and says why when the link or file cannot be used', async () => {
    const { folder, library, published, services } = await setUp();
    await expect(
      openDraftFor({ kind: 'link', link: 'commonplace://quote?url=javascript:alert(1)&text=x' }, services),
    ).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/^Commonplace cannot open this link: /) as unknown,
    });
    await expect(
      openDraftFor({ kind: 'markdown-file', path: path.join(folder, 'missing.md') }, services),
    ).rejects.toMatchObject({ kind: 'not-found' });
    expect(await library.list()).toEqual([]);
    expect(published).toEqual([]);
    await library.close();
  });
});
