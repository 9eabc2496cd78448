import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { contentHash } from '../../../shared/model/contentHash';
import { contentOf, DraftContentSchema, type Draft, type DraftContent } from '../../../shared/model/draft';
import { withCleanHashtags } from '../../../shared/model/hashtags';
import { CorruptDocumentError, openDocument, schemaCodec } from '../storage/jsonDocument';
import { RepairNeededError } from '../storage/readOnly';

export const RevisionSchema = z.strictObject({
  revision: z.number().int().nonnegative(),
  savedAt: z.iso.datetime({ offset: true }),
  // Kept snapshots may hold hashtags from before their rule was made stricter, and those taken
  // before drafts had a featured image (draft format 3) had none.
  content: z.preprocess((stored) => {
    const content = withCleanHashtags(stored);
    return isRecord(content) && !('featuredImage' in content) ? { ...content, featuredImage: null } : content;
  }, DraftContentSchema),
  /** The account this version was published to: the version that went out stays findable. */
  publishedTo: z.string().min(1).optional(),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export type Revision = z.infer<typeof RevisionSchema>;

const HistorySchema = z.strictObject({
  schemaVersion: z.literal(1),
  revisions: z.array(RevisionSchema),
});
type History = z.infer<typeof HistorySchema>;

export interface HistoryPolicy {
  /** Saves closer together than this share one snapshot. */
  readonly coalesceMs: number;
  /** The oldest snapshots are dropped past this many. */
  readonly maxRevisions: number;
}

export const defaultHistoryPolicy: HistoryPolicy = { coalesceMs: 5 * 60_000, maxRevisions: 100 };

/**
 * Earlier versions of each draft, in revisions/<id>.json: a snapshot of the draft as it was
 * before the first save of each editing spell, so a restore can go back past a run of autosaves.
 * Snapshots are taken off the save's critical path and are bounded per draft.
 */
export class RevisionHistory {
  readonly #folder: string;
  readonly #policy: HistoryPolicy;
  readonly #readOnly: boolean;
  readonly #lastSnapshotAt = new Map<string, number>();
  readonly #writes = new Map<string, Promise<void>>();

  /** `readOnly`: a damaged history is refused rather than set aside (the library refuses snapshots). */
  constructor(libraryFolder: string, policy: HistoryPolicy, readOnly: boolean) {
    this.#folder = path.join(libraryFolder, 'revisions');
    this.#policy = policy;
    this.#readOnly = readOnly;
  }

  async prepare(): Promise<void> {
    await mkdir(this.#folder, { recursive: true });
  }

  /** True when a save at `now` starts a new editing spell and so deserves a snapshot first. */
  dueForSnapshot(id: string, now: Date): boolean {
    const last = this.#lastSnapshotAt.get(id);
    return last === undefined || now.getTime() - last >= this.#policy.coalesceMs;
  }

  /** Records the draft as it is, before it changes or as it was published; writes are chained per draft. */
  snapshot(draft: Draft, now: Date, publishedTo?: string): Promise<void> {
    this.#lastSnapshotAt.set(draft.id, now.getTime());
    const entry: Revision = {
      revision: draft.revision,
      savedAt: draft.updatedAt,
      content: contentOf(draft),
      ...(publishedTo === undefined ? {} : { publishedTo }),
    };
    const previous = this.#writes.get(draft.id) ?? Promise.resolve();
    const write = previous
      .catch(() => undefined)
      .then(async () => {
        const document = await this.#open(draft.id);
        // The same version kept again (before an edit, or with only its blog state changed since)
        // replaces its earlier copy, and stays marked as published if it was.
        const newest = document.data.revisions.at(-1);
        const unchanged = newest !== undefined && contentHash(newest.content) === contentHash(entry.content);
        const same = document.data.revisions.find((revision) => revision.revision === entry.revision);
        const kept = document.data.revisions.filter(
          (revision) => revision !== same && !(unchanged && revision === newest),
        );
        const published = entry.publishedTo ?? same?.publishedTo ?? (unchanged ? newest.publishedTo : undefined);
        document.data.revisions = [
          ...kept,
          published === undefined ? entry : { ...entry, publishedTo: published },
        ].slice(-this.#policy.maxRevisions);
        await document.write();
      });
    this.#writes.set(draft.id, write);
    return write;
  }

  /** The snapshots of a draft, newest first. */
  async list(id: string): Promise<Revision[]> {
    await this.#writes.get(id)?.catch(() => undefined);
    const document = await this.#open(id);
    return [...document.data.revisions].reverse();
  }

  async remove(id: string): Promise<void> {
    await this.#writes.get(id)?.catch(() => undefined);
    this.#lastSnapshotAt.delete(id);
    await rm(this.#file(id), { force: true });
  }

  /** The draft's history file, once no snapshot of it is being written (to move it elsewhere). */
  async settledFile(id: string): Promise<string> {
    await this.#writes.get(id)?.catch(() => undefined);
    return this.#file(id);
  }

  /** Waits for every snapshot being written. */
  async idle(): Promise<void> {
    await Promise.allSettled(this.#writes.values());
  }

  #file(id: string): string {
    return path.join(this.#folder, `${id}.json`);
  }

  async #open(id: string) {
    const document = openDocument<History>(this.#file(id), schemaCodec(HistorySchema), {
      schemaVersion: 1,
      revisions: [],
    });
    try {
      await document.read();
    } catch (error) {
      // A damaged history must not block saving: it is set aside (kept, not deleted) and restarted.
      if (!(error instanceof CorruptDocumentError)) throw error;
      if (this.#readOnly) throw new RepairNeededError(`The revision history of ${id} is damaged.`);
      await rename(this.#file(id), path.join(this.#folder, `${id}.damaged-${Date.now()}.json.bad`));
      document.data = { schemaVersion: 1, revisions: [] };
    }
    return document;
  }
}

/** Below this many characters a draft is still being started: no rewrite is worth its own version. */
const LARGE_CHANGE_MIN_CHARACTERS = 200;

/**
 * Whether a save rewrites most of the draft (a select-all and type, a paste over everything): less
 * than half of the text before it stays at its start and end. Such a save starts a new snapshot
 * even within an editing spell, so the version before it is kept.
 */
export function isLargeChange(before: DraftContent, after: DraftContent): boolean {
  const text = (content: DraftContent) =>
    [content.title, content.commentary, ...content.quotes.map((quote) => quote.excerpt)].join('\n');
  const old = text(before);
  if (old.length < LARGE_CHANGE_MIN_CHARACTERS) return false;
  const next = text(after);
  let prefix = 0;
  const shorter = Math.min(old.length, next.length);
  while (prefix < shorter && old[prefix] === next[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < shorter - prefix && old[old.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix += 1;
  return prefix + suffix < old.length / 2;
}
