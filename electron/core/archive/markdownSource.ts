import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DraftContentSchema, HttpUrlSchema, type Quote, type Source } from '../../../shared/model/draft';
import { cleanHashtag, uniqueHashtags } from '../../../shared/model/hashtags';
import { limits } from '../../../shared/model/limits';
import { AppError } from '../../../shared/result';
import { EXPORTED_HTML_BASE, filesUsed, MEDIA_SCHEME, withImageDestinations } from '../../../shared/media/references';
import { EXPORT_MEDIA_FOLDER, readImageBack } from './exportedImages';
import { EXPORT_MARKER } from './exportLibrary';
import { EXPORT_FORMAT_VERSION, ExportedDraftSchema, exportedFieldNames, importedQuote } from './exportFormat';
import { parseFrontMatter } from './frontMatter';
import { htmlPost } from './htmlPost';
import type { ImportItem, ImportSource, RemoteHint } from './importItem';
import { splitMarkdownBody } from './markdownBody';

/** How many bad files one refusal lists; the rest are counted. */
const LISTED_PROBLEMS = 10;
const skippedFolders = new Set([
  'node_modules',
  '_site',
  'public',
  'resources',
  'layouts',
  'themes',
  '_layouts',
  '_includes',
]);

/** The fields of a foreign file that are read; any other is reported as not imported. */
const readFields = new Set([
  'title',
  'date',
  'lastmod',
  'updated',
  'modified',
  'tags',
  'hashtags',
  'sources',
  'slug',
  'draft',
  'published',
  'layout',
  'commonplace',
]);

/**
 * Markdown files with front matter as an import: a folder (searched through, so a Jekyll
 * `_posts`, a Hugo `content/`, an Obsidian vault or a Commonplace export all work) or one file.
 * A Commonplace export's files come back exactly, with their ids, dates, quotes and blog links
 * (their front matter is checked strictly: a field it does not know is refused by name). Other
 * files give their title (else their first heading, else their name), date, tags as hashtags and
 * body (Markdown as it is; HTML converted, its trailing credited quotes recognised). A file that
 * is a post of a static site account here is linked to it.
 */
export function markdownSource(
  root: string,
  options: { readonly single: boolean; readonly newId: () => string },
): ImportSource {
  const base = options.single ? path.dirname(root) : root;
  const files = async (): Promise<string[]> => (options.single ? [path.basename(root)] : postFiles(root));
  return {
    kind: options.single ? 'markdown-file' : 'markdown-folder',
    async check(onProgress, signal) {
      const names = await files();
      const problems: string[] = [];
      const ignoredFields = new Set<string>();
      let items = 0;
      for (const [index, name] of names.entries()) {
        if (signal?.aborted) throw new AppError('conflict', 'The import was cancelled.');
        try {
          const read = readItem(base, name, await readFile(path.join(base, name), 'utf8'), options.newId);
          if (read !== null) {
            items += 1;
            for (const field of read.ignoredFields) ignoredFields.add(field);
            // A copy that is not the image it is named for is refused now, before anything is imported.
            for (const image of read.item.images) await readImageBack(image);
          }
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          problems.push(error.message);
        }
        onProgress(index + 1, names.length);
      }
      if (problems.length > 0) {
        const more = problems.length > LISTED_PROBLEMS ? `; and ${problems.length - LISTED_PROBLEMS} more` : '';
        throw new AppError(
          'invalid-input',
          `Nothing was imported: ${problems.length} file${problems.length === 1 ? '' : 's'} cannot be read. ${problems.slice(0, LISTED_PROBLEMS).join(' ')}${more}`,
        );
      }
      if (items === 0)
        throw new AppError('invalid-input', `${root} holds no Markdown posts (.md files, or .html with front matter).`);
      return { items, skipped: new Map(), ignoredFields };
    },
    async each(handle, signal) {
      for (const name of await files()) {
        if (signal?.aborted) throw new AppError('conflict', 'The import was cancelled.');
        const read = readItem(base, name, await readFile(path.join(base, name), 'utf8'), options.newId);
        if (read !== null) await handle(read.item);
      }
    },
  };
}

/** The post files under a folder, as paths relative to it, in a stable order. */
async function postFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(root, path.join(entry.parentPath, entry.name));
    const parts = relative.split(path.sep);
    if (parts.some((part, index) => part.startsWith('.') || (index < parts.length - 1 && skippedFolders.has(part))))
      continue;
    if (/\.(md|markdown|html?)$/i.test(entry.name) && entry.name !== '_index.md') found.push(relative);
  }
  return found.sort();
}

const LooseFieldsSchema = z.looseObject({
  title: z.union([z.string(), z.number()]).transform(String).optional().catch(undefined),
  date: z.union([z.string(), z.date()]).optional().catch(undefined),
  lastmod: z.union([z.string(), z.date()]).optional().catch(undefined),
  updated: z.union([z.string(), z.date()]).optional().catch(undefined),
  modified: z.union([z.string(), z.date()]).optional().catch(undefined),
  tags: z
    .union([z.array(z.union([z.string(), z.number()]).transform(String)), z.string()])
    .optional()
    .catch(undefined),
  hashtags: z
    .array(z.union([z.string(), z.number()]).transform(String))
    .optional()
    .catch(undefined),
  sources: z
    .array(
      z.looseObject({
        url: z.string().optional(),
        title: z.string().optional(),
        author: z.string().optional(),
        site: z.string().optional(),
        published: z.union([z.string(), z.date()]).optional(),
      }),
    )
    .optional()
    .catch(undefined),
  commonplace: z
    .looseObject({ identity: z.string().optional(), export: z.number().optional() })
    .optional()
    .catch(undefined),
});

/** One file as an import item; null for a file that is not a post (our own README, an .html page without front matter). */
function readItem(
  base: string,
  name: string,
  text: string,
  newId: () => string,
): { item: ImportItem; ignoredFields: readonly string[] } | null {
  const posix = name.split(path.sep).join('/');
  const { fields, body } = parseFrontMatter(text, posix);
  const isHtml = /\.html?$/i.test(name);
  if (text.includes(EXPORT_MARKER) || (isHtml && Object.keys(fields).length === 0)) return null;
  const marker = fields['commonplace'];
  if (typeof marker === 'object' && marker !== null && 'export' in marker)
    return { item: exportedItem(posix, path.dirname(path.join(base, name)), fields, body, newId), ignoredFields: [] };
  const loose = LooseFieldsSchema.parse(fields);
  const heading = /^#\s+(.+)\n+/.exec(body.replace(/^\s+/, ''));
  const title =
    loose.title ??
    heading?.[1]?.trim() ??
    path
      .basename(name)
      .replace(/\.[^.]+$/, '')
      .replace(/^\d{4}-\d{2}-\d{2}-/, '');
  const text_ = loose.title === undefined && heading ? body.replace(/^\s+/, '').slice(heading[0].length) : body;
  const sources = (loose.sources ?? []).map(sourceFromFields);
  const converted = isHtml
    ? htmlPost(text_, { baseUrl: null, newId, sources })
    : markdownPost(text_, loose.commonplace?.identity !== undefined ? sources : [], newId, posix);
  const tags = typeof loose.tags === 'string' ? loose.tags.split(/[\s,]+/) : (loose.tags ?? loose.hashtags ?? []);
  const content = DraftContentSchema.parse({
    title: title.slice(0, limits.titleCharacters),
    commentary: converted.commentary.slice(0, limits.commentaryCharacters),
    quotes: converted.quotes.slice(0, limits.quotesPerDraft),
    hashtags: uniqueHashtags(tags.map(cleanHashtag).filter((tag) => tag !== ''))
      .slice(0, limits.hashtagsPerDraft)
      .map((tag) => tag.slice(0, limits.hashtagCharacters)),
    featuredImage: null,
  });
  const remotes: RemoteHint[] = [
    {
      account: { by: 'site-file', file: path.join(base, name) },
      remoteId: '',
      url: '',
      modifiedAt: '',
      changed: false,
      held: null,
    },
  ];
  return {
    item: {
      key: `md:${posix}\n${content.title}`,
      name: posix,
      draftId: null,
      content,
      createdAt: isoOrNull(loose.date),
      updatedAt: isoOrNull(loose.lastmod ?? loose.updated ?? loose.modified ?? loose.date),
      remotes,
      quotesRecognised: content.quotes.length,
      images: [],
    },
    ignoredFields: Object.keys(fields).filter((field) => !readFields.has(field)),
  };
}

/**
 * A file of a Commonplace export: strictly its format, so that it comes back exactly, with the
 * library images it names by their copies in the media folder beside it.
 */
function exportedItem(
  name: string,
  folder: string,
  fields: Readonly<Record<string, unknown>>,
  body: string,
  newId: () => string,
): ImportItem {
  const parsed = ExportedDraftSchema.safeParse(fields);
  if (!parsed.success) {
    const unknown = parsed.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
    const problem =
      unknown.length > 0
        ? `its front matter has a field a Commonplace export does not have: ${unknown.map((key) => `“${key}”`).join(', ')} (it has ${exportedFieldNames.join(', ')})`
        : `its front matter is not a Commonplace export's (${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'the fields'}: ${issue.message}`).join('; ')})`;
    throw new AppError('invalid-input', `${name}: ${problem}.`);
  }
  const exported = parsed.data;
  if (exported.commonplace.export > EXPORT_FORMAT_VERSION) {
    throw new AppError(
      'invalid-input',
      `${name} was exported by a newer Commonplace (format ${exported.commonplace.export}); update Commonplace to import it.`,
    );
  }
  const quotes = exported.quotes ?? [];
  let commentary: string;
  let excerpts: string[];
  if (exported.commonplace.format === 'markdown') {
    ({ commentary, excerpts } = splitMarkdownBody(body, quotes.length, name));
  } else {
    const post = htmlPost(body, { baseUrl: EXPORTED_HTML_BASE, newId });
    commentary = post.commentary;
    excerpts = quotes.map((_quote, index) => post.quotes[index]?.excerpt ?? '');
  }
  const exportedImages =
    exported.commonplace.format === 'markdown' ? 'media/' : (`${EXPORTED_HTML_BASE}media/` as const);
  const inLibrary = (markdown: string): string =>
    withImageDestinations(markdown, exportedImages, (file) => `${MEDIA_SCHEME}${file}`);
  const featured = exported.featuredImage;
  const content = DraftContentSchema.safeParse({
    title: exported.title,
    commentary: inLibrary(commentary),
    quotes: quotes.map((quote, index) => importedQuote(quote, inLibrary(excerpts[index] ?? ''))),
    hashtags: exported.hashtags,
    featuredImage: featured ? { file: featured.file.slice('media/'.length), alt: featured.alt } : null,
  });
  if (!content.success) {
    throw new AppError(
      'invalid-input',
      `${name}: ${content.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}.`,
    );
  }
  return {
    key: `draft:${exported.id}`,
    name,
    draftId: exported.id,
    content: content.data,
    createdAt: exported.created,
    updatedAt: exported.updated,
    remotes: (exported.blogs ?? []).map((blog) => ({
      account: { by: 'address', address: blog.address, kinds: [blog.kind] },
      remoteId: blog.remoteId,
      url: blog.url,
      modifiedAt: blog.modified,
      changed: blog.state === 'changed-since-publish',
      held: blog.held ?? null,
    })),
    quotesRecognised: quotes.length,
    images: [...filesUsed(content.data)].map((file) => ({
      file,
      path: path.join(folder, EXPORT_MEDIA_FOLDER, file),
    })),
  };
}

/**
 * A Markdown post's body: as it is, or, for one Commonplace wrote to a static site (its sources
 * in the front matter), its commentary and the quotes it ends with.
 */
function markdownPost(
  body: string,
  sources: readonly Source[],
  newId: () => string,
  name: string,
): { commentary: string; quotes: Quote[] } {
  if (sources.length > 0) {
    try {
      const { commentary, excerpts } = splitMarkdownBody(body, sources.length, name);
      return {
        commentary,
        quotes: sources.map((source, index) => ({
          id: newId(),
          excerpt: excerpts[index] ?? '',
          source,
          note: '',
          clipboardHtml: null,
        })),
      };
    } catch (error) {
      // Edited by hand since: the text is kept whole as the commentary.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { commentary: body.replace(/\s+$/, ''), quotes: [] };
}

function sourceFromFields(fields: {
  url?: string | undefined;
  title?: string | undefined;
  author?: string | undefined;
  site?: string | undefined;
  published?: string | Date | undefined;
}): Source {
  const url = fields.url !== undefined && HttpUrlSchema.safeParse(fields.url).success ? fields.url : null;
  const published = fields.published instanceof Date ? fields.published.toISOString() : (fields.published ?? '');
  const exact =
    /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(published) &&
    z.union([z.iso.date(), z.iso.datetime({ offset: true })]).safeParse(published).success;
  return {
    url,
    title: (fields.title ?? '').slice(0, limits.sourceFieldCharacters),
    author: (fields.author ?? '').slice(0, limits.sourceFieldCharacters),
    siteName: (fields.site ?? '').slice(0, limits.sourceFieldCharacters),
    publishedAt: exact ? published : null,
    publishedAtText: exact ? '' : published.slice(0, limits.sourceFieldCharacters),
    capturedAt: null,
  };
}

function isoOrNull(value: string | Date | undefined): string | null {
  if (value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isFinite(date.getTime()) ? date.toISOString() : null;
}
