import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { openHarness } from './support/harness';
import { MemoryBlog } from './support/memoryBlog';

const newFolder = useTempFolders();

describe('link records of format 1 (before the blog’s hold and needs-you causes were kept)', () => {
  it('are read, not set aside: a post on the blog stays published, a standing needs-you gets the cause "other"', async () => {
    const folder = await newFolder();
    let harness = await openHarness(folder, {});
    const draft = await harness.library.create(reblogPost());
    await harness.close();

    const remote = {
      remoteId: '42',
      url: 'https://blog.example/2026/01/post/',
      remoteModifiedAt: '2026-01-05T10:00:00.000Z',
      sentHash: 'sent-elsewhere',
    };
    const links = path.join(folder, 'outbox', 'links');
    await mkdir(links, { recursive: true });
    await writeFile(
      path.join(links, `${draft.id}.json`),
      JSON.stringify({
        schemaVersion: 1,
        draftId: draft.id,
        blogs: {
          'blog-account-1': { sequence: 0, remote, identity: null, standing: null },
          'blog-account-2': {
            sequence: 1,
            remote: null,
            identity: null,
            standing: { state: 'needs-you', reason: 'The blog refused the post.' },
          },
        },
      }),
    );

    harness = await openHarness(folder, { 'blog-account-1': new MemoryBlog() });
    expect(await harness.targetOf(draft.id, 'blog-account-1')).toEqual({
      state: 'changed-since-publish',
      ...remote,
    });
    expect(await harness.targetOf(draft.id, 'blog-account-2')).toEqual({
      state: 'needs-you',
      reason: 'The blog refused the post.',
      cause: 'other',
    });
    await harness.close();
    expect(await readdir(links)).not.toContain('quarantine');
  });
});
