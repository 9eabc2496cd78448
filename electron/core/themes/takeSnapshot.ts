import { THEME_PAGE_MAX_CHARACTERS, type ThemeSnapshot } from '../../../shared/model/themeSnapshot';
import { AppError } from '../../../shared/result';
import { AssetLoader, type AssetBudget } from './assetLoader';
import type { KnownPost } from './postParts';
import { captureThemePage } from './snapshotPage';
import type { SnapshotSource } from './snapshotSource';

/** How many of the blog's post pages are tried before giving up. */
const PAGES_TRIED = 3;

export interface TakeOptions {
  readonly accountId: string;
  readonly blogName: string;
  readonly now: Date;
  readonly budget?: AssetBudget;
  readonly logError?: (message: string, error: unknown) => void;
}

/**
 * Takes a blog's theme from one of its own published posts (one with tags first, so that the
 * theme's tag list is found too): never by publishing anything. The first page on which the
 * post's body is found becomes the snapshot.
 */
export async function takeThemeSnapshot(source: SnapshotSource, options: TakeOptions): Promise<ThemeSnapshot> {
  const posts = await source.publishedPosts();
  if (posts.length === 0) {
    throw new AppError(
      'not-found',
      `${options.blogName} has no published post to take its theme from yet: publish one, then refresh the snapshot.`,
    );
  }
  const tried: string[] = [];
  for (const post of withTagsFirst(posts).slice(0, PAGES_TRIED)) {
    const page = await source.readPage(post.url);
    const assets = new AssetLoader(source.readAsset, options.budget);
    const capture = await captureThemePage(page.html, page.url, post, assets);
    if (assets.problems.length > 0) {
      options.logError?.(`Left out of the theme snapshot of ${options.blogName}`, assets.problems.join('; '));
    }
    if (capture === null) {
      tried.push(page.url);
      continue;
    }
    if (capture.page.length > THEME_PAGE_MAX_CHARACTERS) {
      throw new AppError(
        'invalid-input',
        `The theme of ${options.blogName} is larger than a snapshot keeps (${THEME_PAGE_MAX_CHARACTERS / 1024 / 1024} MB).`,
      );
    }
    return {
      accountId: options.accountId,
      takenAt: options.now.toISOString(),
      postUrl: page.url,
      found: capture.found,
      page: capture.page,
      tags: capture.tags,
    };
  }
  throw new AppError(
    'not-found',
    `The post's text could not be found on ${options.blogName}'s own page${tried.length === 1 ? '' : 's'} (${tried.join(', ')}), so its theme was not kept.`,
  );
}

function withTagsFirst(posts: readonly KnownPost[]): KnownPost[] {
  return [...posts.filter((post) => post.tags.length > 0), ...posts.filter((post) => post.tags.length === 0)];
}
