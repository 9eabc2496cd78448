import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Account } from '../../../shared/model/account';
import type { ArchiveProgress, ImportReport } from '../../../shared/model/archive';
import { contentHash } from '../../../shared/model/contentHash';
import type { BlogHold, Draft } from '../../../shared/model/draft';
import type { MediaFile } from '../../../shared/model/image';
import { AppError } from '../../../shared/result';
import type { DraftLibrary } from '../library/draftLibrary';
import type { MediaStore } from '../media/mediaStore';
import type { Outbox } from '../outbox/outbox';
import { readImageBack } from './exportedImages';
import { importedDraftId, type ImportItem, type ImportSource, type RemoteHint } from './importItem';
import { markdownSource } from './markdownSource';
import { wxrSource } from './wxr/wxrSource';

/** A post of a static site account, found from a file of its working folder. */
export interface SitePostLink {
  readonly accountId: string;
  readonly remoteId: string;
  readonly url: string;
  readonly modifiedAt: string;
}

export interface ImportOptions {
  readonly library: Pick<DraftLibrary, 'get' | 'create'>;
  /** The library's images: an export's come back into it. */
  readonly media: Pick<MediaStore, 'put'>;
  /** Where drafts stand on their blogs: the outbox owns it, and links an imported draft to its post. */
  readonly links: Pick<Outbox, 'targetsOf' | 'link'>;
  readonly accounts: readonly Account[];
  /** The static site post a file is, when it is a committed post of an account's site. */
  readonly sitePost: (file: string) => Promise<SitePostLink | null>;
  /** A WordPress export (.xml), a folder of Markdown, or one Markdown file. */
  readonly path: string;
  /** Checks and reports what would happen, changing nothing. */
  readonly dryRun: boolean;
  readonly newId: () => string;
  readonly onProgress?: (progress: ArchiveProgress) => void;
  readonly signal?: AbortSignal;
}

/** How many drafts an import writes at once. */
const WRITE_WINDOW = 8;

/** How many new drafts' ids a report lists. */
const LISTED_IDS = 1_000;

/**
 * Imports a blog's archive or an export: first reads all of the input and refuses it whole, with
 * a clear message, when anything in it is wrong (so a bad file changes nothing); then makes one
 * draft per post. Each post's draft has an id that follows from the post itself, so importing the
 * same input again — or going on after an import that was cancelled or killed — creates nothing
 * twice: a draft already here is left as it is (only a link to its blog post it lacks is added).
 */
export async function importArchive(options: ImportOptions): Promise<ImportReport> {
  const source = await openSource(options.path, options.newId);
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: 'checking', done: 0, total: null });
  const checked = await source.check((done, total) => progress({ phase: 'checking', done, total }), options.signal);
  const report = {
    created: 0,
    alreadyHere: 0,
    quotesRecognised: 0,
    linked: new Map<string, number>(),
    createdIds: [] as (readonly [number, string])[],
    missingImages: new Set<MediaFile>(),
  };
  let done = 0;
  let seen = 0;
  progress({ phase: 'importing', done, total: checked.items });
  // A few drafts are written at once, so that the next post is read and converted while the disk
  // makes the last ones durable; the window is small, so memory stays bounded.
  const inFlight = new Set<Promise<void>>();
  // Set from the writes' callbacks: the first failure, which ends the import.
  const failed: { error: Error | null } = { error: null };
  const fail = (error: unknown): void => {
    failed.error ??= error instanceof Error ? error : new Error(String(error));
  };
  try {
    await source.each(async (item) => {
      if (options.signal?.aborted) throw cancelled(done, checked.items);
      if (failed.error !== null) throw failed.error;
      const work = importItem(item, seen++, options, report).then(() => {
        done += 1;
        progress({ phase: 'importing', done, total: checked.items });
      }, fail);
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
      if (inFlight.size >= WRITE_WINDOW) await Promise.race(inFlight);
    }, options.signal);
  } catch (error) {
    fail(error);
  }
  await Promise.all(inFlight);
  if (options.signal?.aborted) throw cancelled(done, checked.items);
  if (failed.error !== null) throw failed.error;
  return {
    source: source.kind,
    dryRun: options.dryRun,
    created: report.created,
    alreadyHere: report.alreadyHere,
    linked: [...report.linked].map(([accountId, posts]) => ({
      accountId,
      blogName: options.accounts.find((account) => account.id === accountId)?.blogName ?? accountId,
      posts,
    })),
    quotesRecognised: report.quotesRecognised,
    skipped: [...checked.skipped].map(([what, count]) => ({ what, count })),
    ignoredFields: [...checked.ignoredFields].sort(),
    // In the source's order, whichever write finished first.
    draftIds: report.createdIds
      .sort(([a], [b]) => a - b)
      .slice(0, LISTED_IDS)
      .map(([, id]) => id),
    missingImages: [...report.missingImages].sort(),
  };
}

async function importItem(
  item: ImportItem,
  order: number,
  options: ImportOptions,
  report: {
    created: number;
    alreadyHere: number;
    quotesRecognised: number;
    linked: Map<string, number>;
    /** The drafts made, each with its place in the source. */
    createdIds: (readonly [number, string])[];
    missingImages: Set<MediaFile>;
  },
): Promise<void> {
  const id = importedDraftId(item);
  const existing = await draftOrNull(options.library, id);
  const links = await resolveLinks(item.remotes, options);
  // A new draft's images come first, so the library never holds a draft without the images it names.
  if (existing === null) {
    for (const image of item.images) {
      const copy = await readImageBack(image);
      if (copy === null) report.missingImages.add(image.file);
      else if (!options.dryRun) await options.media.put(copy);
    }
  }
  if (existing === null) {
    report.created += 1;
    report.quotesRecognised += item.quotesRecognised;
    report.createdIds.push([order, id]);
  } else {
    report.alreadyHere += 1;
  }
  for (const link of links) report.linked.set(link.accountId, (report.linked.get(link.accountId) ?? 0) + 1);
  if (options.dryRun) return;
  const draft =
    existing ??
    (await options.library.create(item.content, {
      id,
      ...(item.createdAt === null ? {} : { createdAt: item.createdAt }),
      ...(item.updatedAt === null ? {} : { updatedAt: item.updatedAt }),
    }));
  // A draft created by an import that stopped before linking it is linked now.
  const targets = options.links.targetsOf(draft.id);
  for (const link of links) {
    if (targets[link.accountId] !== undefined) continue;
    await options.links.link(draft.id, link.accountId, {
      remoteId: link.remoteId,
      url: link.url,
      remoteModifiedAt: link.modifiedAt,
      // What was exported as changed since publishing stays changed: no hash of this draft matches.
      sentHash: link.changed ? 'changed-before-export' : contentHash(draft),
      held: link.held,
    });
  }
}

interface ResolvedLink {
  readonly accountId: string;
  readonly remoteId: string;
  readonly url: string;
  readonly modifiedAt: string;
  readonly changed: boolean;
  readonly held: BlogHold | null;
}

/** The accounts here that the item's posts belong to. */
async function resolveLinks(remotes: readonly RemoteHint[], options: ImportOptions): Promise<ResolvedLink[]> {
  const links: ResolvedLink[] = [];
  for (const remote of remotes) {
    if (remote.account.by === 'site-file') {
      const found = await options.sitePost(remote.account.file);
      if (found !== null) links.push({ ...found, changed: false, held: null });
      continue;
    }
    const { address, kinds } = remote.account;
    const account = options.accounts.find((each) => kinds.includes(each.kind) && sameAddress(each.address, address));
    if (account)
      links.push({
        accountId: account.id,
        remoteId: remote.remoteId,
        url: remote.url,
        modifiedAt: remote.modifiedAt,
        changed: remote.changed,
        held: remote.held,
      });
  }
  return links;
}

/** Two addresses of one blog: the same host and path, whatever the scheme, "www." or last slash. */
export function sameAddress(first: string, second: string): boolean {
  const key = (address: string): string | null => {
    try {
      const url = new URL(address);
      return `${url.host.replace(/^www\./, '').toLowerCase()}${url.pathname.replace(/\/+$/, '')}`;
    } catch {
      return null;
    }
  };
  const one = key(first);
  return one !== null && one === key(second);
}

/** What the path is: a folder of Markdown, a WordPress export, or one Markdown file. */
async function openSource(input: string, newId: () => string): Promise<ImportSource> {
  if (!path.isAbsolute(input)) throw new AppError('invalid-input', `Import from a full path; ${input} is not one.`);
  let found;
  try {
    found = await stat(input);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AppError('invalid-input', `${input} does not exist.`);
    throw error;
  }
  if (found.isDirectory()) return markdownSource(input, { single: false, newId });
  if (/\.(md|markdown|html?)$/i.test(input)) return markdownSource(input, { single: true, newId });
  if (/\.xml$/i.test(input)) return wxrSource(input, { newId });
  const handle = await open(input, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    const start = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (start.startsWith('<')) return wxrSource(input, { newId });
  } finally {
    await handle.close();
  }
  throw new AppError(
    'invalid-input',
    `${input} is neither a WordPress export (an .xml file from Tools > Export) nor Markdown (a .md file, or a folder of them).`,
  );
}

async function draftOrNull(library: Pick<DraftLibrary, 'get'>, id: string): Promise<Draft | null> {
  try {
    return await library.get(id);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not-found') return null;
    throw error;
  }
}

function cancelled(done: number, total: number): AppError {
  return new AppError(
    'conflict',
    `Import cancelled after ${done} of ${total} posts. Import the same again to finish: what is here already is not imported twice.`,
  );
}
