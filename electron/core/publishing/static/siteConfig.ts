import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { SiteFlavour } from '../../../../shared/model/staticSite';

/** What a site's own configuration says that Commonplace uses. */
export interface SiteSettings {
  /** The address the site is served at (Hugo's baseURL, Jekyll's url + baseurl). */
  readonly siteUrl: string | null;
  readonly title: string | null;
  /** The posts' permalink in Commonplace's placeholders, when the site sets one it can follow. */
  readonly permalink: string | null;
}

const hugoConfigFiles = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
];

const HugoConfigSchema = z.looseObject({
  baseURL: z.string().optional(),
  baseurl: z.string().optional(),
  title: z.string().optional(),
  permalinks: z.record(z.string(), z.unknown()).optional(),
});

const JekyllConfigSchema = z.looseObject({
  url: z.string().optional(),
  baseurl: z.string().nullable().optional(),
  title: z.string().optional(),
  permalink: z.string().optional(),
});

const jekyllStyles: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  none: '/:categories/:title:output_ext',
};

/** Which generator a folder looks made for, from the files each one needs; null when neither. */
export async function guessFlavour(folder: string): Promise<SiteFlavour | null> {
  if ((await readFirst(folder, ['_config.yml', '_config.yaml'])) !== null) return 'jekyll';
  const hugo = await readFirst(folder, [
    ...hugoConfigFiles,
    ...hugoConfigFiles.map((name) => `config/_default/${name}`),
  ]);
  return hugo === null ? null : 'hugo';
}

/** Reads the site's configuration; a missing or unreadable one says nothing. */
export async function readSiteSettings(folder: string, flavour: SiteFlavour): Promise<SiteSettings> {
  const nothing: SiteSettings = { siteUrl: null, title: null, permalink: null };
  if (flavour === 'jekyll') {
    const found = await readFirst(folder, ['_config.yml', '_config.yaml']);
    const config = found === null ? null : JekyllConfigSchema.safeParse(safely(() => parseYaml(found.text)));
    if (!config?.success) return nothing;
    const { url, baseurl, title, permalink } = config.data;
    const style = permalink === undefined ? null : (jekyllStyles[permalink] ?? permalink);
    return {
      siteUrl: url === undefined ? null : siteAddress(url, baseurl ?? ''),
      title: title ?? null,
      permalink: style === null ? null : translatePermalink(style),
    };
  }
  if (flavour === 'hugo') {
    const found = await readFirst(folder, [
      ...hugoConfigFiles,
      ...hugoConfigFiles.map((name) => `config/_default/${name}`),
    ]);
    if (found === null) return nothing;
    const config = HugoConfigSchema.safeParse(safely(() => parseConfig(found.name, found.text)));
    if (!config.success) return nothing;
    const base = config.data.baseURL ?? config.data.baseurl;
    const posts = config.data.permalinks?.['posts'];
    return {
      siteUrl: base === undefined ? null : siteAddress(base, ''),
      title: config.data.title ?? null,
      permalink: typeof posts === 'string' ? translatePermalink(posts) : null,
    };
  }
  return nothing;
}

/**
 * A generator's permalink pattern (":year/:month/:title/") in Commonplace's placeholders, or null
 * when it uses parts Commonplace does not set. Categories are empty: posts get none.
 */
export function translatePermalink(pattern: string): string | null {
  const translated = pattern
    .replaceAll(':categories', '')
    .replaceAll(':section', 'posts')
    .replaceAll(':output_ext', '.html')
    .replaceAll(':year', '{year}')
    .replaceAll(':month', '{month}')
    .replaceAll(':day', '{day}')
    .replaceAll(':title', '{slug}')
    .replaceAll(':slug', '{slug}');
  if (/:[a-z_]/i.test(translated)) return null;
  return translated.replace(/\/{2,}/g, '/').replace(/^\//, '');
}

function siteAddress(url: string, baseUrl: string): string | null {
  try {
    const address = new URL(`${url.replace(/\/+$/, '')}/${baseUrl.replace(/^\/+|\/+$/g, '')}/`.replace(/\/{2,}$/, '/'));
    return /^https?:$/.test(address.protocol) ? address.toString() : null;
  } catch {
    return null;
  }
}

function parseConfig(name: string, text: string): unknown {
  if (name.endsWith('.toml')) return parseToml(text);
  if (name.endsWith('.json')) return JSON.parse(text);
  return parseYaml(text);
}

function safely(read: () => unknown): unknown {
  try {
    return read();
  } catch {
    return null;
  }
}

async function readFirst(folder: string, names: readonly string[]): Promise<{ name: string; text: string } | null> {
  for (const name of names) {
    try {
      return { name, text: await readFile(path.join(folder, name), 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') {
        throw error;
      }
    }
  }
  return null;
}
