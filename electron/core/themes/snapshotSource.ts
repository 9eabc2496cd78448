import type { ReadAsset } from './assetLoader';
import type { KnownPost } from './postParts';

/**
 * Where a blog's theme is read from. For a blog with an API, its recent published posts and
 * their pages over the network (networkSource.ts). A static site can give the pages it built
 * instead (a build folder's files), with no other change: this is that seam.
 */
export interface SnapshotSource {
  /** Posts the blog has published, newest first, each with the address of its page. */
  publishedPosts(): Promise<readonly KnownPost[]>;
  /** One post's page as readers get it, and where it was found (after redirects). */
  readPage(url: string): Promise<{ readonly url: string; readonly html: string }>;
  readonly readAsset: ReadAsset;
}
