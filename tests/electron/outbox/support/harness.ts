import type { AppEvent } from '../../../../shared/contract';
import type { PublishState } from '../../../../shared/model/draft';
import type { DraftLibrary } from '../../../../electron/core/library/draftLibrary';
import { openLibraryAndOutbox } from '../../../../electron/core/libraryAndOutbox';
import type { LibraryView } from '../../../../electron/core/libraryView';
import { MediaStore } from '../../../../electron/core/media/mediaStore';
import type { Outbox, OutboxOptions } from '../../../../electron/core/outbox/outbox';
import type { BlogAdapter, RemotePost } from '../../../../electron/core/publishing/blogAdapter';
import { basicAuthorization } from '../../../../electron/core/publishing/http/request';
import { identityInBlocks } from '../../../../electron/core/publishing/wordpress/blocks';
import { WordPressRestAdapter } from '../../../../electron/core/publishing/wordpress/restAdapter';

/** An adapter for the test WordPress at `base` (the server itself, or a fault proxy in front of it). */
export function restAdapter(
  base: string,
  credentials: { readonly user: string; readonly applicationPassword: string },
  timeoutMs = 5_000,
): WordPressRestAdapter {
  return new WordPressRestAdapter({
    apiRoot: `${base}/wp-json/`,
    user: credentials.user,
    applicationPassword: credentials.applicationPassword,
    transport: { fetch, timeoutMs },
  });
}

export interface Harness {
  readonly library: DraftLibrary;
  readonly outbox: Outbox;
  /** The library as the renderer sees it, with targets joined in from the outbox. */
  readonly view: LibraryView;
  /** The library's images. */
  readonly media: MediaStore;
  readonly events: AppEvent[];
  /** Where the draft stands on the blog, as the renderer would be shown it. */
  readonly targetOf: (draftId: string, accountId: string) => Promise<PublishState | undefined>;
  /** Closes the outbox, then the library. */
  close(): Promise<void>;
}

/** A library and its outbox on `folder`, publishing to `adapters` by account id. */
export async function openHarness(
  folder: string,
  adapters: Readonly<Record<string, BlogAdapter>>,
  overrides: Partial<Omit<OutboxOptions, 'folder' | 'library' | 'adapterFor' | 'onChange' | 'records'>> = {},
): Promise<Harness> {
  const events: AppEvent[] = [];
  const { newId, ...rest } = overrides;
  const { library, outbox, view, close } = await openLibraryAndOutbox({
    folder,
    adapterFor: (accountId) => {
      const adapter = adapters[accountId];
      return adapter ? Promise.resolve(adapter) : Promise.reject(new Error(`no account ${accountId}`));
    },
    postStyleFor: () => ({ hashtagsInTitle: false }),
    publish: (event) => events.push(event),
    logError: () => undefined,
    backoff: { baseMs: 50, maxMs: 400, maxRetryAfterMs: 10_000, settleMs: 200 },
    ...rest,
    ...(newId ? { newEntryId: newId } : {}),
  });
  return {
    library,
    outbox,
    view,
    media: new MediaStore(folder),
    events,
    targetOf: async (draftId, accountId) => (await view.get(draftId)).targets[accountId],
    close,
  };
}

/** Every live post on the blog carrying this client identity (more than one would be a duplicate). */
export async function postsWithIdentity(adapter: BlogAdapter, identity: string): Promise<RemotePost[]> {
  return (await adapter.listRecent(100)).filter((post) => post.identity === identity);
}

/**
 * Posts in the blog's trash carrying this identity: where a second copy goes when the outbox
 * undoes one, so that "one live post" can be told apart from "created only once".
 */
export async function trashedCopies(
  base: string,
  credentials: { readonly user: string; readonly applicationPassword: string },
  identity: string,
): Promise<number> {
  const response = await fetch(`${base}/wp-json/wp/v2/posts?context=edit&status=trash&per_page=100`, {
    headers: { authorization: basicAuthorization(credentials.user, credentials.applicationPassword) },
  });
  const posts = (await response.json()) as { content: { raw: string } }[];
  return posts.filter((post) => identityInBlocks(post.content.raw) === identity).length;
}

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
