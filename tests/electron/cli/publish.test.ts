import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OutboxEntrySchema, PublishOutcomeSchema } from '../../../shared/model/outbox';
import { textAndLinks } from '../../support/textAndLinks';
import { renderPostBody } from '../../../shared/render/post';
import { startWordPress, wordPressSkipReason, type WordPressServer } from '../../servers/wordpress';
import { runCli } from '../../support/cli';
import { REBLOG_POST_FILE } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { ShownDraftSchema } from './support/shownDraft';

const newFolder = useTempFolders();
const skipReason = wordPressSkipReason();
if (skipReason) console.log(`CLI publishing tests skip: ${skipReason}`);

const PublishedSchema = z.intersection(z.object({ accountId: z.string() }), PublishOutcomeSchema);

describe.skipIf(skipReason !== null)('commonplace publish, against a real WordPress', () => {
  let wordpress: WordPressServer;
  beforeAll(async () => {
    wordpress = await startWordPress();
  }, 120_000);
  afterAll(async () => {
    await wordpress.stop();
  });

  async function libraryWithBlog(): Promise<{ data: string; account: string; draft: string }> {
    const data = await newFolder();
    const added = await runCli(
      data,
      ['accounts', 'add', '--kind', 'wordpress', '--url', wordpress.url, '--user', wordpress.user, '--secret-stdin'],
      wordpress.applicationPassword,
    );
    expect(added.code).toBe(0);
    const draft = (await runCli(data, ['drafts', 'create', '--from', REBLOG_POST_FILE])).stdout.trim();
    return { data, account: added.stdout.trim(), draft };
  }

  // Each step is a CLI process against WordPress: seconds on a quiet machine, many more on a busy one.
  it('publishes the example post, then updates it in place, with the preview’s HTML and its tags', async () => {
    const { data, account, draft } = await libraryWithBlog();
    const first = await runCli(data, ['publish', draft, '--to', account, '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const published = PublishedSchema.parse(JSON.parse(first.stdout));
    if (published.kind !== 'published') throw new Error(`expected published, got ${first.stdout}`);

    const response = await fetch(`${wordpress.url}/?rest_route=/wp/v2/posts/${published.remoteId}&context=edit`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${wordpress.user}:${wordpress.applicationPassword}`).toString('base64')}`,
      },
    });
    const post = z
      .object({
        title: z.object({ raw: z.string() }),
        content: z.object({ rendered: z.string() }),
        tags: z.array(z.number()),
      })
      .parse(await response.json());
    const shown = ShownDraftSchema.parse(JSON.parse((await runCli(data, ['drafts', 'show', draft, '--json'])).stdout));
    expect(post.title.raw).toBe(shown.title);
    expect(post.tags).toHaveLength(2);
    const preview = renderPostBody(shown);
    // The quote arrives as WordPress's Quote block, credited in its citation, with the preview's words and links.
    expect(post.content.rendered).toContain('<cite>ISIS in Iraq: A shadow of its former self \u2014 Rudaw');
    expect(textAndLinks(post.content.rendered)).toEqual(textAndLinks(preview));
    expect(shown.targets[account]).toMatchObject({ state: 'published', remoteId: published.remoteId });

    const again = PublishedSchema.parse(
      JSON.parse((await runCli(data, ['publish', draft, '--to', account, '--json'])).stdout),
    );
    expect(again).toMatchObject({ kind: 'published', remoteId: published.remoteId });
    const entries = OutboxEntrySchema.array().parse(
      JSON.parse((await runCli(data, ['outbox', 'list', '--json'])).stdout),
    );
    expect(entries.map((entry) => entry.state.state)).toEqual(['done', 'done']);
    expect((await runCli(data, ['outbox', 'drain'])).code).toBe(0);
  }, 60_000);

  it('schedules a post for later, and refuses a future post without a date', async () => {
    const { data, account, draft } = await libraryWithBlog();
    const later = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
    const scheduled = await runCli(data, [
      'publish',
      draft,
      '--to',
      account,
      '--status',
      'future',
      '--date',
      later,
      '--json',
    ]);
    expect(scheduled.code).toBe(0);
    expect(PublishedSchema.parse(JSON.parse(scheduled.stdout)).kind).toBe('published');
    expect((await runCli(data, ['publish', draft, '--to', account, '--status', 'future'])).code).toBe(1);
  }, 60_000);
});
