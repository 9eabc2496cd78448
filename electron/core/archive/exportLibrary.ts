import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Account } from '../../../shared/model/account';
import type { DraftView } from '../../../shared/model/draft';
import type { MediaFile } from '../../../shared/model/image';
import { filesUsed, MEDIA_SCHEME, withImageDestinations } from '../../../shared/media/references';
import { withImageAddresses } from '../../../shared/render/imageSources';
import type { ArchiveProgress, ExportFormat, ExportReport } from '../../../shared/model/archive';
import { draftStatus } from '../../../shared/model/status';
import { renderPostBody } from '../../../shared/render/post';
import { AppError } from '../../../shared/result';
import { slugFromText } from '../../../shared/text/slug';
import type { DraftLibrary } from '../library/draftLibrary';
import type { LibraryView } from '../libraryView';
import type { MediaStore } from '../media/mediaStore';
import { writeFileDurably } from '../storage/durableWrite';
import { copyImagesOut, exportedImagePath } from './exportedImages';
import { EXPORT_FORMAT_VERSION, exportedQuote, type ExportedBlog, type ExportedDraft } from './exportFormat';
import { writeFrontMatter } from './frontMatter';
import { markdownBody } from './markdownBody';

/** The line that marks a folder as a Commonplace export, so exporting again may write over it. */
export const EXPORT_MARKER = '<!-- commonplace-export -->';

export interface ExportOptions {
  readonly library: Pick<DraftLibrary, 'list'>;
  /** The library's images, copied beside the drafts that use them. */
  readonly media: Pick<MediaStore, 'read'>;
  /** The drafts with where each stands on its blogs (the outbox's, joined in). */
  readonly view: Pick<LibraryView, 'get'>;
  /** The blogs, to name where each draft is published. */
  readonly accounts: readonly Account[];
  /** The folder to write into: created when missing; it must be empty or an earlier export. */
  readonly folder: string;
  readonly format: ExportFormat;
  /** Only these drafts; all that are not in the trash when null. */
  readonly draftIds: readonly string[] | null;
  readonly now: () => Date;
  readonly onProgress?: (progress: ArchiveProgress) => void;
  readonly signal?: AbortSignal;
}

/**
 * Writes the library out: one file per draft (YAML front matter: id, title, dates, hashtags,
 * status, where it is published, each quote's source; then the commentary and the quotes'
 * excerpts as Markdown, or the preview's HTML), the images they use in media/, and a README
 * saying what is where. Each file is written whole or not at all, a draft's images before it; the
 * README comes last, so a folder without it is an unfinished export. Importing the folder gives
 * the same drafts back.
 */
export async function exportLibrary(options: ExportOptions): Promise<ExportReport> {
  const folder = await exportFolder(options.folder);
  const drafts = await chosenDrafts(options);
  const names = fileNames(drafts, options.format);
  const total = drafts.length;
  const files: string[] = [];
  const images = new Set<MediaFile>();
  const missingImages = new Set<MediaFile>();
  options.onProgress?.({ phase: 'exporting', done: 0, total });
  for (const [index, summary] of drafts.entries()) {
    if (options.signal?.aborted) {
      throw new AppError('conflict', `Export cancelled after ${index} of ${total} drafts; ${folder} holds those.`);
    }
    const draft = await options.view.get(summary.id);
    const name = names.get(draft.id) ?? `${draft.id}.md`;
    // The images first: a draft's file is never there without the images it names.
    const used = [...filesUsed(draft)].filter((file) => !images.has(file));
    for (const file of await copyImagesOut(folder, used, options.media)) missingImages.add(file);
    for (const file of used) images.add(file);
    await writeFileDurably(path.join(folder, name), draftFile(draft, options));
    files.push(name);
    options.onProgress?.({ phase: 'exporting', done: index + 1, total });
  }
  await writeFileDurably(path.join(folder, 'README.md'), readme(files.length, options));
  return {
    folder,
    written: files.length,
    format: options.format,
    images: images.size - missingImages.size,
    missingImages: [...missingImages],
  };
}

async function exportFolder(folder: string): Promise<string> {
  if (!path.isAbsolute(folder)) throw new AppError('invalid-input', `Export to a full path; ${folder} is not one.`);
  await mkdir(folder, { recursive: true });
  const present = (await readdir(folder)).filter((name) => !name.startsWith('.'));
  if (present.length === 0) return folder;
  const readme = await readFile(path.join(folder, 'README.md'), 'utf8').catch(() => '');
  if (readme.includes(EXPORT_MARKER)) return folder;
  throw new AppError(
    'invalid-input',
    `${folder} already holds other files: export into an empty folder (or one an earlier export made).`,
  );
}

async function chosenDrafts(options: ExportOptions): Promise<{ id: string; createdAt: string; title: string }[]> {
  if (options.draftIds === null) {
    return (await options.library.list()).sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
  }
  const chosen = [];
  for (const id of new Set(options.draftIds)) chosen.push(await options.view.get(id));
  return chosen;
}

/** "2026-05-01-a-title.md": the day the draft was begun and its title, unique in the export. */
function fileNames(drafts: readonly { id: string; createdAt: string; title: string }[], format: ExportFormat) {
  const taken = new Set<string>();
  const names = new Map<string, string>();
  const extension = format === 'html' ? 'html' : 'md';
  for (const draft of drafts) {
    const base = `${draft.createdAt.slice(0, 10)}-${slugFromText(draft.title, 'latin') || 'untitled'}`;
    let name = `${base}.${extension}`;
    for (let suffix = 2; taken.has(name); suffix += 1) name = `${base}-${suffix}.${extension}`;
    taken.add(name);
    names.set(draft.id, name);
  }
  return names;
}

function draftFile(draft: DraftView, options: Pick<ExportOptions, 'accounts' | 'format'>): string {
  const blogs = publishedOn(draft, options.accounts);
  const fields: ExportedDraft = {
    title: draft.title,
    id: draft.id,
    created: draft.createdAt,
    updated: draft.updatedAt,
    hashtags: [...draft.hashtags],
    status: draftStatus(draft.targets),
    ...(blogs.length > 0 ? { blogs } : {}),
    ...(draft.quotes.length > 0 ? { quotes: draft.quotes.map(exportedQuote) } : {}),
    ...(draft.featuredImage
      ? { featuredImage: { file: exportedImagePath(draft.featuredImage.file), alt: draft.featuredImage.alt } }
      : {}),
    commonplace: { export: EXPORT_FORMAT_VERSION, format: options.format },
  };
  const body =
    options.format === 'html'
      ? withImageAddresses(renderPostBody(draft), exportedImagePath)
      : markdownBody({
          commentary: imagesInExport(draft.commentary),
          quotes: draft.quotes.map((quote) => ({ ...quote, excerpt: imagesInExport(quote.excerpt) })),
        });
  return writeFrontMatter(fields, body);
}

/** The markdown with each library image named by its copy beside the file. */
function imagesInExport(markdown: string): string {
  return withImageDestinations(markdown, MEDIA_SCHEME, exportedImagePath);
}

function publishedOn(draft: DraftView, accounts: readonly Account[]): ExportedBlog[] {
  const blogs: ExportedBlog[] = [];
  for (const [accountId, target] of Object.entries(draft.targets)) {
    const account = accounts.find((each) => each.id === accountId);
    if (!account || (target.state !== 'published' && target.state !== 'changed-since-publish')) continue;
    blogs.push({
      blog: account.blogName,
      kind: account.kind,
      address: account.address,
      state: target.state,
      remoteId: target.remoteId,
      url: target.url,
      modified: target.remoteModifiedAt,
      ...(target.held ? { held: target.held } : {}),
    });
  }
  return blogs;
}

function readme(count: number, options: Pick<ExportOptions, 'format' | 'now'>): string {
  const extension = options.format === 'html' ? '.html' : '.md';
  return `${EXPORT_MARKER}
# A Commonplace library

Exported ${options.now().toISOString()}: ${count} draft${count === 1 ? '' : 's'}, one file each
(\`YYYY-MM-DD-title${extension}\`, dated the day the draft was begun).

Each file starts with YAML front matter between \`---\` lines:

- \`title\`, \`id\` (the draft's id in Commonplace), \`created\` and \`updated\` (UTC), \`hashtags\`;
- \`status\`: draft, queued, published, changed (edited since it was published), needs-you or
  conflict;
- \`blogs\`: where it is published: the blog, its address, the post's id and address there, and
  \`held\` when the blog holds it as a draft or scheduled for later;
- \`quotes\`: each quote's source (url, title, author, site, published, captured) and note;
- \`featuredImage\`: the post's featured image (its file in media/) and its alt text;
- \`commonplace\`: which export format this is.

The drafts' images are in media/, each named by the SHA-256 of its bytes; the files name them by
that path (media/<sha256>.<ext>).

${
  options.format === 'html'
    ? 'Then the post as HTML, exactly as the preview shows it and publishing sends it.'
    : 'Then the commentary in Markdown, followed by each quote: its excerpt as a blockquote (every line\nstarting with "> ") and a credit line starting with "—".'
}

Import this folder into Commonplace (File > Import, or \`commonplace import FOLDER\`) to get the
same drafts back; drafts already in the library are left as they are, so importing twice creates
nothing twice.
`;
}
