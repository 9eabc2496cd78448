import { z } from 'zod';
import { HttpUrlSchema, PublishStateSchema } from '../../../shared/model/draft';
import type { OutboxEntry, RemoteLink } from '../../../shared/model/outbox';
import { readOnlyRefusal } from '../storage/readOnly';
import { EntryStore } from './entryStore';
import { LINKS_VERSION, LinkStore, withNeedsYouCause, type LinksDocument, type PostLink } from './linkStore';
import { postKey } from './queue';
import { knownPost, targetState, type PostRecords } from './targetState';

export interface OutboxRecordsOptions {
  /** The library folder; records live in its `outbox/` subfolder. */
  readonly folder: string;
  readonly logError: (message: string, error: unknown) => void;
  readonly now: () => Date;
  /** How long finished (done, cancelled) entries stay listed. */
  readonly retentionMs: number;
  /** Writes nothing: records changed in memory only (an older library read while the app may run). */
  readonly readOnly: boolean;
}

const IsoTimestamp = z.iso.datetime({ offset: true });

/** Where format-2 draft documents said a draft stood on its blogs, keyed by account id. */
const LegacyTargetsSchema = z.record(z.string(), z.unknown());
/** A legacy target on the blog: what becomes the post's link record. */
const LegacyPublishedSchema = z.looseObject({
  state: z.enum(['published', 'changed-since-publish']),
  remoteId: z.string().min(1),
  url: HttpUrlSchema,
  remoteModifiedAt: IsoTimestamp,
  sentHash: z.string().min(1),
});

/**
 * Everything the outbox keeps on disk, in memory: its entries (one per remote write) and its link
 * records (what it knows of a post when no entry says it). Every change goes through here and
 * is written durably before it is kept; `sequence` orders all records of all posts.
 */
export class OutboxRecords {
  readonly #options: OutboxRecordsOptions;
  readonly #entryStore: EntryStore;
  readonly #linkStore: LinkStore;
  readonly #entries = new Map<string, OutboxEntry>();
  readonly #links = new Map<string, LinksDocument>();
  #sequence = 0;

  private constructor(options: OutboxRecordsOptions) {
    this.#options = options;
    this.#entryStore = new EntryStore(options.folder);
    this.#linkStore = new LinkStore(options.folder);
  }

  /**
   * Reads the entries and link records. Finished entries past their retention are pruned; when one
   * was the last word on its post, what it knew is kept in the post's link record first.
   */
  static async open(options: OutboxRecordsOptions): Promise<OutboxRecords> {
    const records = new OutboxRecords(options);
    const readOnly = { readOnly: options.readOnly };
    for (const document of await records.#linkStore.loadAll(options.logError, readOnly)) {
      records.#links.set(document.draftId, document);
      for (const link of Object.values(document.blogs))
        records.#sequence = Math.max(records.#sequence, link.sequence + 1);
    }
    for (const entry of await records.#entryStore.loadAll(options.logError, readOnly)) {
      records.#entries.set(entry.id, entry);
      records.#sequence = Math.max(records.#sequence, entry.sequence + 1);
    }
    await records.#prune();
    return records;
  }

  get readOnly(): boolean {
    return this.#options.readOnly;
  }

  /** Every entry, oldest first. */
  entries(): OutboxEntry[] {
    return [...this.#entries.values()].sort((a, b) => a.sequence - b.sequence);
  }

  entry(id: string): OutboxEntry | undefined {
    return this.#entries.get(id);
  }

  /** The sequence number the next record takes. */
  nextSequence(): number {
    const sequence = this.#sequence;
    this.#sequence += 1;
    return sequence;
  }

  /** Everything kept about one draft's post on one blog. */
  post(draftId: string, accountId: string): PostRecords {
    const key = postKey({ draftId, accountId });
    return {
      entries: this.entries().filter((entry) => postKey(entry) === key),
      link: this.#links.get(draftId)?.blogs[accountId],
    };
  }

  /** The blogs the outbox has records of for this draft. */
  accountsOf(draftId: string): string[] {
    const accounts = new Set(Object.keys(this.#links.get(draftId)?.blogs ?? {}));
    for (const entry of this.#entries.values()) if (entry.draftId === draftId) accounts.add(entry.accountId);
    return [...accounts];
  }

  /** Every (draft, blog) post the outbox has records of. */
  posts(): { draftId: string; accountId: string }[] {
    const seen = new Map<string, { draftId: string; accountId: string }>();
    for (const document of this.#links.values()) {
      for (const accountId of Object.keys(document.blogs)) {
        seen.set(postKey({ draftId: document.draftId, accountId }), { draftId: document.draftId, accountId });
      }
    }
    for (const { draftId, accountId } of this.#entries.values()) {
      seen.set(postKey({ draftId, accountId }), { draftId, accountId });
    }
    return [...seen.values()];
  }

  /** Writes the entry durably, then keeps it. */
  async saveEntry(entry: OutboxEntry): Promise<void> {
    if (this.#options.readOnly) throw readOnlyRefusal();
    await this.#entryStore.save(entry);
    this.#entries.set(entry.id, entry);
  }

  /** Records what is known of the draft's post on the blog, as the latest word on it. */
  async saveLink(draftId: string, accountId: string, known: Omit<PostLink, 'sequence' | 'standing'>): Promise<void> {
    const current = this.#links.get(draftId);
    const document: LinksDocument = {
      schemaVersion: LINKS_VERSION,
      draftId,
      blogs: { ...current?.blogs, [accountId]: { ...known, standing: null, sequence: this.nextSequence() } },
    };
    if (this.#options.readOnly) throw readOnlyRefusal();
    await this.#linkStore.save(document);
    this.#links.set(draftId, document);
  }

  /**
   * Takes over where an older draft document said the draft stands on its blogs (format 2 kept
   * it in the draft), losing none: a post on a blog becomes the post's link record; a conflict's
   * modified time goes back to the entry holding it; any other state that no entry explains is
   * kept as the record's standing state. Idempotent, and in memory only for a reader. Returns the
   * accounts whose records changed.
   */
  async adoptLegacyTargets(draftId: string, legacy: unknown): Promise<string[]> {
    const parsed = LegacyTargetsSchema.safeParse(legacy);
    if (!parsed.success) {
      this.#options.logError(`The publishing states of draft ${draftId} could not be read`, parsed.error);
      return [];
    }
    const links: Record<string, PostLink> = {};
    const changed: string[] = [];
    for (const [accountId, target] of Object.entries(parsed.data)) {
      const records = this.post(draftId, accountId);
      const known = knownPost(records);
      const published = LegacyPublishedSchema.safeParse(target);
      if (published.success) {
        const { remoteId, url, remoteModifiedAt, sentHash } = published.data;
        // How the blog holds it was never stored in a draft: unknown, so shown as published.
        const remote: RemoteLink = { remoteId, url, remoteModifiedAt, sentHash, held: null };
        links[accountId] = { sequence: this.nextSequence(), remote, identity: known?.identity ?? null, standing: null };
        changed.push(accountId);
        continue;
      }
      const state = PublishStateSchema.safeParse(withNeedsYouCause(target));
      if (!state.success) {
        this.#options.logError(`A publishing state of draft ${draftId} could not be read`, state.error);
        continue;
      }
      const held = records.entries.findLast((entry) => entry.state.state === 'needs-you' && entry.state.conflict);
      if (state.data.state === 'conflict' && held?.state.state === 'needs-you') {
        if (held.state.conflict?.remoteModifiedAt === state.data.remoteModifiedAt) continue;
        const conflict = { remoteModifiedAt: state.data.remoteModifiedAt };
        const restored: OutboxEntry = { ...held, state: { ...held.state, conflict } };
        if (this.#options.readOnly) this.#entries.set(restored.id, restored);
        else await this.saveEntry(restored);
        changed.push(accountId);
        continue;
      }
      // The outbox's own entries already say it (the usual case), or it is kept as it stood.
      if (JSON.stringify(targetState(records, null)) === JSON.stringify(state.data)) continue;
      links[accountId] = {
        sequence: this.nextSequence(),
        remote: known?.remote ?? null,
        identity: known?.identity ?? null,
        standing: state.data,
      };
      changed.push(accountId);
    }
    if (Object.keys(links).length === 0) return changed;
    const document: LinksDocument = {
      schemaVersion: LINKS_VERSION,
      draftId,
      blogs: { ...this.#links.get(draftId)?.blogs, ...links },
    };
    if (!this.#options.readOnly) await this.#linkStore.save(document);
    this.#links.set(draftId, document);
    return changed;
  }

  /** A reader leaves the files as they are, and prunes its view of them only. */
  async #prune(): Promise<void> {
    const { readOnly } = this.#options;
    const now = this.#options.now().getTime();
    for (const entry of this.entries()) {
      const finishedAt = entry.state.state === 'done' || entry.state.state === 'cancelled' ? entry.state.at : null;
      if (finishedAt === null || now - Date.parse(finishedAt) <= this.#options.retentionMs) continue;
      const records = this.post(entry.draftId, entry.accountId);
      if (records.entries.at(-1)?.id === entry.id && !(records.link && records.link.sequence > entry.sequence)) {
        const current = this.#links.get(entry.draftId);
        const document: LinksDocument = {
          schemaVersion: LINKS_VERSION,
          draftId: entry.draftId,
          blogs: {
            ...current?.blogs,
            [entry.accountId]: {
              sequence: entry.sequence,
              remote: entry.remote,
              identity: entry.identity,
              standing: null,
            },
          },
        };
        if (!readOnly) await this.#linkStore.save(document);
        this.#links.set(entry.draftId, document);
      }
      if (!readOnly) await this.#entryStore.remove(entry.id);
      this.#entries.delete(entry.id);
    }
  }
}
