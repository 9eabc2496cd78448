import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { StaticSite } from '../../../shared/model/staticSite';
import { AppError } from '../../../shared/result';
import type { BlogAdapter } from '../publishing/blogAdapter';
import type { ReadAsset } from './assetLoader';
import type { SnapshotSource } from './snapshotSource';

const RECENT_POSTS = 10;
const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const MAX_ASSET_BYTES = 4 * 1024 * 1024;

/** Where each generator writes the built site inside the repository, when it is built there. */
const buildFolders: Readonly<Record<StaticSite['flavour'], string | null>> = {
  hugo: 'public',
  jekyll: '_site',
  custom: null,
};

/** The folder the site was built into on this machine, or null when it has not been built here. */
export function builtSiteFolder(site: StaticSite): string | null {
  const name = buildFolders[site.flavour];
  if (name === null) return null;
  const folder = path.join(site.folder, name);
  return existsSync(path.join(folder, 'index.html')) ? folder : null;
}

const types: Readonly<Record<string, string>> = {
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

/**
 * A static site's theme from the pages its generator built on this machine (Hugo's public/,
 * Jekyll's _site/): the posts the site holds, each page and its stylesheets and fonts read from
 * the build folder by their addresses under the site's, so a snapshot needs no network and shows
 * the theme as built. An address elsewhere (a web font's CDN) is not read: the snapshot keeps
 * what the site itself serves.
 */
export function buildFolderSource(
  adapter: BlogAdapter,
  site: { readonly folder: string; readonly url: string },
): SnapshotSource {
  const fileOf = (url: string): string => builtFile(site, url);
  let root: Promise<string> | null = null;
  const readBounded = async (file: string, limit: number, url: string): Promise<Buffer> => {
    const real = await realpath(file).catch(() => {
      throw new AppError('not-found', `The built site has no file for ${url}: build the site again, then refresh.`);
    });
    // A link inside the build folder may point anywhere on the disk: only what really lies in it is read.
    if (!real.startsWith((await (root ??= realpath(site.folder))) + path.sep)) {
      throw new AppError('not-found', `${url} is not one of the site's own files.`);
    }
    const found = await stat(real);
    if (found.size > limit) throw new AppError('invalid-input', `${url} is larger than a theme snapshot reads.`);
    return readFile(real);
  };
  return {
    async publishedPosts() {
      const recent = await adapter.listRecent(RECENT_POSTS);
      return recent
        .filter((post) => post.status === 'publish' && post.renderedContent !== null)
        .map((post) => ({ url: post.url, title: post.title, html: post.renderedContent ?? '', tags: post.tags }));
    },
    async readPage(url) {
      const file = await pageFile(fileOf(url));
      return { url, html: (await readBounded(file, MAX_PAGE_BYTES, url)).toString('utf8') };
    },
    readAsset: (async (url) => {
      const file = fileOf(url);
      return {
        bytes: await readBounded(file, MAX_ASSET_BYTES, url),
        type: types[path.extname(file).toLowerCase()] ?? null,
      };
    }) satisfies ReadAsset,
  };
}

/** The file under the build folder that serves `url`, refusing addresses outside the site. */
function builtFile(site: { readonly folder: string; readonly url: string }, url: string): string {
  const base = new URL(site.url.endsWith('/') ? site.url : `${site.url}/`);
  const target = new URL(url, base);
  if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) {
    throw new AppError('not-found', `${url} is not one of the site's own files.`);
  }
  const relative = decodeURIComponent(target.pathname.slice(base.pathname.length));
  const file = path.resolve(site.folder, relative);
  if (file !== site.folder && !file.startsWith(site.folder + path.sep)) {
    throw new AppError('not-found', `${url} is not one of the site's own files.`);
  }
  return file;
}

/** A page's file: itself, or the index.html of the folder it names (/posts/hello/ → posts/hello/index.html). */
async function pageFile(file: string): Promise<string> {
  const found = await stat(file).catch(() => null);
  if (found?.isFile()) return file;
  return path.join(file, 'index.html');
}
