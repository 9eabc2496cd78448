import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../../shared/contract';
import type { Account } from '../../../shared/model/account';
import type { Result } from '../../../shared/result';
import { dispatch } from '../../../electron/core/dispatch';
import { openServices, type Services } from '../../../electron/core/services';
import { reblogPost } from '../../support/fixtures';
import { useTempFolders } from '../../support/tempFolder';
import { startMicropub, type MicropubServer } from '../../servers/micropub';

const newFolder = useTempFolders();

function open(folder: string): Promise<Services> {
  return openServices({
    dataFolder: folder,
    access: { mode: 'write', program: { kind: 'dev-host' } },
    logError: () => undefined,
  });
}

function attempt<Name extends CallName>(
  services: Services,
  name: Name,
  input: CallInput<Name>,
): Promise<Result<unknown>> {
  return dispatch(services.handlers, name, input, { logError: () => undefined });
}

async function call<Name extends CallName>(services: Services, name: Name, input: CallInput<Name>): Promise<unknown> {
  const result = await attempt(services, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** A post of its own: the Micropub site names its file after the title, and refuses a second of one name. */
function post(title: string) {
  return { ...reblogPost(), title };
}

/** The posts a Micropub site holds: one file each, under its store. */
async function postsOn(site: MicropubServer): Promise<string[]> {
  const files = await readdir(site.folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return Promise.all(
    files
      .filter((file) => file.isFile() && file.name.endsWith('.md'))
      .map((file) => readFile(path.join(file.parentPath, file.name), 'utf8')),
  );
}

describe("a blog's settings (real Micropub sites)", () => {
  let first: MicropubServer;
  let second: MicropubServer;
  let services: Services | null = null;

  beforeAll(async () => {
    [first, second] = await Promise.all([startMicropub(), startMicropub()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([first.stop(), second.stop()]);
  });
  afterEach(async () => {
    await services?.close();
    services = null;
  });

  async function withBlog(site: MicropubServer): Promise<{ services: Services; account: Account }> {
    services = await open(await newFolder());
    const account = (await call(services, 'addAccount', {
      kind: 'micropub',
      address: site.url,
      user: '',
      secret: site.token,
    })) as Account;
    return { services, account };
  }

  it('a refused password, or an address where no blog answers, changes nothing and says why', async () => {
    const { services, account } = await withBlog(first);

    const refused = await attempt(services, 'updateAccount', { id: account.id, secret: 'not-the-token' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    const nowhere = await attempt(services, 'updateAccount', {
      id: account.id,
      address: 'http://127.0.0.1:9/',
      blogName: 'Renamed',
    });
    expect(nowhere.ok).toBe(false);

    expect(services.accounts.list()).toEqual([account]);
    // The secret kept is the one that works: a post still goes out.
    const draft = (await call(services, 'createDraft', { content: post('Still goes out') })) as { id: string };
    const [sent] = (await call(services, 'publishDraft', {
      draftId: draft.id,
      accountIds: [account.id],
      schedule: { status: 'publish' },
    })) as { outcome: { kind: string } }[];
    expect(sent?.outcome.kind).toBe('published');
  }, 60_000);

  it('a new address with its token is checked there and kept, and the blog keeps its id, name and drafts', async () => {
    const { services, account } = await withBlog(first);
    const draft = (await call(services, 'createDraft', { content: post('Before the move') })) as { id: string };
    await call(services, 'publishDraft', {
      draftId: draft.id,
      accountIds: [account.id],
      schedule: { status: 'publish' },
    });
    const heard: Account[][] = [];
    services.events.subscribe((event) => {
      if (event.type === 'accounts-changed') heard.push(event.accounts);
    });

    // The second site refuses the first one's token: nothing changes.
    const refused = await attempt(services, 'updateAccount', { id: account.id, address: second.url });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(services.accounts.get(account.id).address).toBe(first.url);

    const moved = (await call(services, 'updateAccount', {
      id: account.id,
      address: second.url.replace(/^http:\/\//, ''),
      secret: second.token,
      blogName: 'My notebook',
    })) as Account;
    expect(moved).toMatchObject({ id: account.id, address: second.url, blogName: 'My notebook' });
    expect(services.accounts.list()).toEqual([moved]);
    expect(heard).toEqual([[moved]]);
    const shown = (await call(services, 'getDraft', { id: draft.id })) as { targets: Record<string, unknown> };
    expect(shown.targets[account.id]).toMatchObject({ state: 'published' });

    // The new token is the one kept: a new post goes to the second site.
    const next = (await call(services, 'createDraft', { content: post('After the move') })) as { id: string };
    await call(services, 'publishDraft', {
      draftId: next.id,
      accountIds: [account.id],
      schedule: { status: 'publish' },
    });
    expect(await postsOn(second)).toHaveLength(1);
  }, 60_000);

  it('adding a blog that is already there, however its address is spelled, is refused with what to do', async () => {
    const { services, account } = await withBlog(first);
    const again = await attempt(services, 'addAccount', {
      kind: 'micropub',
      address: first.url.replace(/^http:\/\//, '').replace(/\/$/, ''),
      user: '',
      secret: first.token,
    });
    expect(again).toEqual({
      ok: false,
      error: {
        kind: 'conflict',
        message: '“Micropub test blog” is already one of your blogs, as its owner: change its settings instead.',
      },
    });
    expect(services.accounts.list()).toEqual([account]);

    // Nor can a blog's settings make it a second copy of another.
    const other = (await call(services, 'addAccount', {
      kind: 'micropub',
      address: second.url,
      user: '',
      secret: second.token,
    })) as Account;
    const onto = await attempt(services, 'updateAccount', { id: other.id, address: first.url, secret: first.token });
    expect(onto).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(services.accounts.get(other.id).address).toBe(second.url);
  }, 60_000);

  it('a blog removed and added again takes its posts back: an update updates the same post, never a second', async () => {
    const { services, account } = await withBlog(first);
    const before = (await postsOn(first)).length;
    const draft = (await call(services, 'createDraft', { content: post('Before the blog went') })) as { id: string };
    await call(services, 'publishDraft', {
      draftId: draft.id,
      accountIds: [account.id],
      schedule: { status: 'publish' },
    });
    expect(await postsOn(first)).toHaveLength(before + 1);

    await call(services, 'removeAccount', { id: account.id });
    const again = (await call(services, 'addAccount', {
      kind: 'micropub',
      address: first.url,
      user: '',
      secret: first.token,
    })) as Account;

    await call(services, 'saveDraft', { id: draft.id, changes: { title: 'Updated after the blog came back' } });
    const [sent] = (await call(services, 'publishDraft', {
      draftId: draft.id,
      accountIds: [again.id],
      schedule: { status: 'publish' },
    })) as { outcome: { kind: string } }[];
    expect(sent?.outcome.kind).toBe('published');
    const posts = await postsOn(first);
    expect(posts).toHaveLength(before + 1);
    expect(posts.filter((post) => post.includes('Updated after the blog came back'))).toHaveLength(1);
    expect(again.id).toBe(account.id);
  }, 60_000);
});
