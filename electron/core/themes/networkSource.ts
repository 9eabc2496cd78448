import { AppError } from '../../../shared/result';
import type { BlogAdapter, Transport } from '../publishing/blogAdapter';
import { fetchPage } from '../quotes/fetchPage';
import type { ReadAsset } from './assetLoader';
import type { SnapshotSource } from './snapshotSource';

const RECENT_POSTS = 10;
const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const MAX_ASSET_BYTES = 4 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** A blog's theme over the network: its API for the recent posts, its public pages and their assets. */
export function networkSource(adapter: BlogAdapter, transport: Transport): SnapshotSource {
  return {
    async publishedPosts() {
      const recent = await adapter.listRecent(RECENT_POSTS);
      return recent
        .filter((post) => post.status === 'publish' && /^https?:\/\//.test(post.url))
        .map((post) => ({
          url: post.url,
          title: post.title,
          html: post.renderedContent ?? post.content,
          tags: post.tags,
        }));
    },
    async readPage(url) {
      const page = await fetchPage(url, {
        fetch: transport.fetch,
        timeoutMs: transport.timeoutMs,
        maxBytes: MAX_PAGE_BYTES,
        maxRedirects: MAX_REDIRECTS,
      });
      if (!page.complete)
        throw new AppError('invalid-input', `The post page ${url} is larger than a theme snapshot reads.`);
      return page;
    },
    readAsset: readAssetOverNetwork(transport),
  };
}

/** One of a page's assets: http(s) only, following redirects, bounded in time and size. */
export function readAssetOverNetwork(transport: Transport): ReadAsset {
  return async (url) => {
    if (!/^https?:\/\//i.test(url)) throw new AppError('invalid-input', 'not a web address');
    const response = await transport.fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(transport.timeoutMs),
      headers: { accept: '*/*' },
    });
    if (!/^https?:\/\//i.test(response.url || url)) {
      await response.body?.cancel();
      throw new AppError('invalid-input', 'redirected away from the web');
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new AppError('unavailable', `HTTP ${response.status}`);
    }
    if (Number(response.headers.get('content-length') ?? '0') > MAX_ASSET_BYTES) {
      await response.body?.cancel();
      throw new AppError('invalid-input', 'too large');
    }
    return { bytes: await readAtMost(response, MAX_ASSET_BYTES), type: response.headers.get('content-type') };
  };
}

/** The body, read as it streams in and refused once it passes `limit` bytes. */
async function readAtMost(response: Response, limit: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // Node's typings leave the chunk untyped; a fetch body's chunks are bytes.
    const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
    if (done || !value) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new AppError('invalid-input', 'too large');
    }
    chunks.push(value);
  }
}
