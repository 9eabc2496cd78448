import { randomUUID } from 'node:crypto';
import type { Draft, DraftStatus, PublishState, PublishTargets } from '../../../shared/model/draft';
import { draftStatus } from '../../../shared/model/status';
import {
  OUTBOX_ENTRY_VERSION,
  type ConflictDetails,
  type ConflictResolution,
  type DrainReport,
  type OutboxAction,
  type OutboxEntry,
  type OutboxSchedule,
  type PublishOutcome,
  type PullReport,
  type RemoteLink,
  type RemoveOutcome,
} from '../../../shared/model/outbox';
import { AppError } from '../../../shared/result';
import { readOnlyRefusal } from '../storage/readOnly';
import type { DraftLibrary } from '../library/draftLibrary';
import type { BlogAdapter } from '../publishing/blogAdapter';
import type { PostStyle } from '../publishing/outgoingPost';
import { KeyedSerializer, Limiter } from './limiter';
import { BlogGoneError } from './blogGone';
import { OutboxRecords } from './outboxRecords';
import { isPending, nextDue, pendingBefore, postKey } from './queue';
import type { BackoffPolicy } from './retryPolicy';
import type { SendResult } from './sendEntry';
import type { BlogImages } from './sendImages';
import type * as Sending from './sending';
import { knownPost, targetState } from './targetState';
import { systemTimer, type SetTimer } from './timers';

/** What the outbox needs from the library: the drafts' content, its fingerprint, and its history of what went out. */
export type OutboxLibrary = Pick<DraftLibrary, 'get' | 'save' | 'create' | 'contentHash' | 'keepPublishedVersion'>;

/**
 * What changed in the outbox, as it happens: an entry's new state, or where a draft now stands on
 * a blog. The hosts turn these into the contract's events.
 */
export type OutboxChange =
  | { readonly kind: 'entry'; readonly entry: OutboxEntry }
  | { readonly kind: 'target'; readonly draftId: string; readonly accountId: string; readonly state: PublishState };

export interface OutboxOptions {
  /** The library folder; entries live in its `outbox/` subfolder. */
  readonly folder: string;
  /** The outbox's records, when they were opened beforehand (to take over older drafts' states). */
  readonly records?: OutboxRecords;
  readonly library: OutboxLibrary;
  /** The adapter for an account, with its secret from the vault. */
  readonly adapterFor: (accountId: string) => Promise<BlogAdapter>;
  /** How drafts appear on that account's blog. */
  readonly postStyleFor: (accountId: string) => PostStyle | Promise<PostStyle>;
  /** Hears every change, once it is on disk. */
  readonly onChange?: (change: OutboxChange) => void;
  readonly logError: (message: string, error: unknown) => void;
  readonly now?: () => Date;
  /** In [0, 1): spreads retries (jitter) and makes client identities unique. */
  readonly random?: () => number;
  readonly setTimer?: SetTimer;
  readonly newId?: () => string;
  /** Whether the host believes the machine is online at start; true when it does not say. */
  readonly online?: boolean;
  readonly backoff?: BackoffPolicy;
  /** How many blogs are written to at once; each blog gets one request at a time. */
  readonly concurrency?: number;
  /** While offline with work pending, how often a blog is asked whether it is reachable after all. */
  readonly probeIntervalMs?: number;
  /** How long finished (done, cancelled) entries stay listed. */
  readonly retentionMs?: number;
  /**
   * Lists only: writes nothing and sends nothing, for reading while another process may be
   * sending. Entries are shown as they are on disk (one "sending" may be on its way right now).
   */
  readonly readOnly?: boolean;
}

/** What `publish` takes; `update` is the same call once the post is on the blog. */
export interface PublishRequest {
  readonly draftId: string;
  readonly accountId: string;
  readonly schedule: OutboxSchedule;
}

const DEFAULT_CONCURRENCY = 3;
const DEFAULT_PROBE_INTERVAL_MS = 60_000;
const DEFAULT_RETENTION_MS = 7 * 24 * 3600_000;
const IDENTITY_SUFFIX_SPACE = 36 ** 8;
/** Interruptions in a row after which an entry waits for the writer instead of being sent again. */
const MAX_INTERRUPTIONS = 2;

/**
 * The durable outbox: every remote write is recorded on disk before it is tried, tried at once
 * when online, retried in the background with backoff, and never applied twice. Entries for one
 * post go out in the order they were made; different blogs are written to side by side.
 *
 * It is the one owner of where each draft stands on each blog: that state is derived from its
 * own records (entries, and link records of posts no entry speaks for) and the draft's content
 * hash, never stored in the draft, and announced as a `target` change whenever it changes.
 */
export class Outbox {
  readonly #options: OutboxOptions;
  readonly #records: OutboxRecords;
  #images: BlogImages | null = null;
  readonly #now: () => Date;
  readonly #random: () => number;
  readonly #setTimer: SetTimer;
  readonly #newId: () => string;
  readonly #backoff: BackoffPolicy | null;
  /** Where each post stands, as last derived and announced, by postKey. */
  readonly #targets = new Map<string, PublishState>();
  readonly #running = new Map<string, Promise<void>>();
  readonly #accounts = new KeyedSerializer();
  readonly #limiter: Limiter;
  /** Accounts whose blog asked us to wait (Retry-After), until when (ms since the epoch). */
  readonly #pausedUntil = new Map<string, number>();
  #online: boolean;
  readonly #readOnly: boolean;
  #closed = false;
  #cancelTimer: (() => void) | null = null;

  private constructor(options: OutboxOptions, records: OutboxRecords) {
    this.#options = options;
    this.#records = records;
    this.#now = options.now ?? (() => new Date());
    this.#random = options.random ?? Math.random;
    this.#setTimer = options.setTimer ?? systemTimer;
    this.#newId = options.newId ?? randomUUID;
    this.#backoff = options.backoff ?? null;
    this.#limiter = new Limiter(options.concurrency ?? DEFAULT_CONCURRENCY);
    this.#online = options.online ?? true;
    this.#readOnly = records.readOnly;
  }

  /**
   * Opens the outbox in the library folder and starts draining it in the background. An entry
   * found mid-attempt was interrupted by a crash or a kill: it may have reached the blog, so it is
   * checked before it is sent again; one found so twice in a row waits for the writer instead, so
   * that a start never replays what stopped the app.
   */
  static async open(options: OutboxOptions): Promise<Outbox> {
    const now = options.now ?? (() => new Date());
    const records =
      options.records ??
      (await OutboxRecords.open({
        folder: options.folder,
        logError: options.logError,
        now,
        retentionMs: options.retentionMs ?? DEFAULT_RETENTION_MS,
        readOnly: options.readOnly ?? false,
      }));
    const outbox = new Outbox(options, records);
    for (const { draftId, accountId } of records.posts()) {
      outbox.#targets.set(postKey({ draftId, accountId }), outbox.#derive(draftId, accountId));
    }
    if (!outbox.#readOnly) {
      for (const entry of records.entries()) {
        if (entry.state.state === 'sending') await outbox.#settleInterrupted(entry);
      }
    }
    outbox.#pump();
    return outbox;
  }

  /** Every entry, oldest first. */
  list(): OutboxEntry[] {
    return this.#records.entries();
  }

  /** Where the draft stands on one blog. */
  targetOf(draftId: string, accountId: string): PublishState {
    return this.#targets.get(postKey({ draftId, accountId })) ?? { state: 'not-published' };
  }

  /** Where the draft stands on each blog the outbox has dealt with for it. */
  targetsOf(draftId: string): PublishTargets {
    return Object.fromEntries(
      this.#records.accountsOf(draftId).map((accountId) => [accountId, this.targetOf(draftId, accountId)]),
    );
  }

  /** The draft's overall status across its blogs: what the library's badge and filter show. */
  statusOf(draftId: string): DraftStatus {
    return draftStatus(this.targetsOf(draftId));
  }

  /**
   * The draft's content changed (a save): its posts may now be "changed since publish", or
   * published again. Announces each that changed.
   */
  contentChanged(draftId: string): void {
    for (const accountId of this.#records.accountsOf(draftId)) this.#refresh(draftId, accountId);
  }

  /**
   * Takes over where an older draft document said the draft stands on its blogs (see
   * OutboxRecords.adoptLegacyTargets); what changed is announced.
   */
  async adoptLegacyTargets(draftId: string, legacy: unknown): Promise<void> {
    for (const accountId of await this.#records.adoptLegacyTargets(draftId, legacy)) this.#refresh(draftId, accountId);
  }

  get online(): boolean {
    return this.#online;
  }

  /**
   * Publishes the draft to the account, or updates the post when it is already there: records the
   * entry, marks the target queued, and tries once at once when online.
   */
  async publish(request: PublishRequest): Promise<PublishOutcome> {
    const entry = await this.#record(request.draftId, request.accountId, 'publish', request.schedule);
    return this.#publishOutcome(await this.#tryNow(entry));
  }

  /** Same as `publish`: the outbox sends an update when the post is already on the blog. */
  update(request: PublishRequest): Promise<PublishOutcome> {
    return this.publish(request);
  }

  /** Moves the post to the blog's trash (through the outbox, like every remote write). */
  async remove(request: { readonly draftId: string; readonly accountId: string }): Promise<RemoveOutcome> {
    const unsent = this.list().filter(
      (entry) =>
        postKey(entry) === postKey(request) &&
        entry.action === 'publish' &&
        !entry.mayExist &&
        entry.attempts === 0 &&
        isPending(entry) &&
        !this.#running.has(entry.id),
    );
    for (const entry of unsent) {
      await this.#save({ ...entry, state: { state: 'cancelled', at: this.#stamp(), reason: null } });
    }
    const entry = await this.#record(request.draftId, request.accountId, 'delete', { status: 'publish' });
    const tried = await this.#tryNow(entry);
    if (tried.state.state === 'done') return { kind: 'removed' };
    if (tried.state.state === 'needs-you') {
      const { reason, cause } = tried.state;
      return { kind: 'needs-you', entryId: tried.id, reason, cause };
    }
    return this.#queuedOutcome(tried);
  }

  /**
   * Tries the entry again now (after the writer fixed what it needed), whatever its backoff said;
   * returns the entry as that attempt left it.
   */
  async retry(entryId: string): Promise<OutboxEntry> {
    const entry = this.#entry(entryId);
    if (entry.state.state === 'done' || entry.state.state === 'cancelled') {
      throw new AppError('invalid-input', 'That outbox entry is finished; there is nothing to retry.');
    }
    if (!this.#running.has(entry.id)) await this.#save({ ...entry, state: { state: 'queued' } });
    return this.#tryNow(this.#entry(entryId));
  }

  /** Drops a pending entry; the draft's target goes back to what the blog last had. */
  async cancel(entryId: string, reason: string | null = null): Promise<OutboxEntry> {
    const entry = this.#entry(entryId);
    if (this.#running.has(entry.id)) {
      throw new AppError('conflict', 'That entry is being sent right now; cancel it once the attempt has finished.');
    }
    if (entry.state.state === 'done' || entry.state.state === 'cancelled') return entry;
    const cancelled: OutboxEntry = { ...entry, state: { state: 'cancelled', at: this.#stamp(), reason } };
    await this.#save(cancelled);
    return cancelled;
  }

  /**
   * The blog was removed: its waiting entries (and those that need the writer) are cancelled with
   * the reason, so nothing more goes to it; what it holds and its history stay. An entry being
   * sent right now finishes its attempt. Returns how many were cancelled.
   */
  async cancelForBlog(accountId: string, reason: string): Promise<number> {
    let cancelled = 0;
    for (const entry of this.list()) {
      const open = isPending(entry) || entry.state.state === 'needs-you';
      if (entry.accountId !== accountId || !open || this.#running.has(entry.id)) continue;
      await this.#save({ ...entry, state: { state: 'cancelled', at: this.#stamp(), reason } });
      cancelled += 1;
    }
    return cancelled;
  }

  /** How many drafts have a post on this blog, as the outbox knows them. */
  postsOn(accountId: string): number {
    return this.#records.posts().filter((post) => post.accountId === accountId && this.#linkOf(post) !== null).length;
  }

  /**
   * Tries every pending entry once, now (offline or not, backoff or not), waits for each, and
   * reports. Entries of one post go in order: one that fails holds back the later ones.
   */
  async drain(): Promise<DrainReport> {
    if (this.#readOnly) throw readOnlyRefusal();
    await Promise.allSettled(this.#running.values());
    const pending = this.list().filter(isPending);
    const byAccount = new Map<string, OutboxEntry[]>();
    for (const entry of pending) byAccount.set(entry.accountId, [...(byAccount.get(entry.accountId) ?? []), entry]);
    const tried: OutboxEntry[] = [];
    await Promise.all(
      [...byAccount.values()].map(async (entries) => {
        for (const { id } of entries) {
          const entry = this.#entry(id);
          if (!isPending(entry) || pendingBefore(this.list(), entry)) continue;
          tried.push(await this.#attempt(entry));
        }
      }),
    );
    const latest = tried.map(({ id }) => this.#entry(id));
    return {
      tried: latest.map(({ id, draftId, accountId, state }) => ({ entryId: id, draftId, accountId, state })),
      done: latest.filter((entry) => entry.state.state === 'done').length,
      needsYou: latest.filter((entry) => entry.state.state === 'needs-you').length,
      pending: this.list().filter(isPending).length,
    };
  }

  /** What the host knows about the connection; coming back online drains the outbox. */
  setOnline(online: boolean): void {
    this.#online = online;
    this.#pump();
  }

  /**
   * Asks a blog with pending work whether it answers, for when the host's idea of the connection
   * is in doubt; an answer sets the outbox online. Returns whether the outbox is online.
   */
  async probe(): Promise<boolean> {
    const [pending] = this.list().filter(isPending);
    if (!pending) return this.#online;
    try {
      const { adapter } = await this.#blog(pending.accountId);
      await adapter.listRecent(1);
      this.setOnline(true);
    } catch {
      // Still unreachable: stay offline, and probe again after the interval.
      this.#pump();
    }
    return this.#online;
  }

  /** The post as written here and as it is on the blog, for a target held as a conflict. */
  async conflictDetails(draftId: string, accountId: string): Promise<ConflictDetails> {
    const draft = await this.#options.library.get(draftId);
    const target = this.targetOf(draftId, accountId);
    if (target.state !== 'conflict') {
      throw new AppError('invalid-input', 'This post is not held as a conflict on that blog.');
    }
    const { adapter, style } = await this.#blog(accountId);
    const { conflictDetails } = await sendingMachinery();
    return conflictDetails({ draft, accountId, remoteId: target.remoteId, adapter, style });
  }

  /**
   * Settles a conflict: "keep-mine" sends the draft over the blog's version; "take-theirs"
   * replaces the draft with the blog's version. Merging by hand is editing the draft, then keep-mine.
   */
  async resolveConflict(draftId: string, accountId: string, resolution: ConflictResolution): Promise<PublishOutcome> {
    const held = this.list().filter(
      (entry) =>
        postKey(entry) === postKey({ draftId, accountId }) && entry.state.state === 'needs-you' && entry.state.conflict,
    );
    if (resolution === 'keep-mine') {
      const latest = held.at(-1);
      const schedule = latest?.schedule ?? { status: 'publish' };
      const entry = await this.#record(draftId, accountId, 'publish', schedule, { force: true });
      return this.#publishOutcome(await this.#tryNow(entry));
    }
    const details = await this.conflictDetails(draftId, accountId);
    const { adapter, style } = await this.#blog(accountId);
    const { takeTheirs } = await sendingMachinery();
    const taken = await takeTheirs({
      library: this.#options.library,
      draftId,
      remoteId: details.remoteId,
      adapter,
      style,
    });
    // The held update is settled: the blog holds their version, which the draft now is.
    for (const entry of held) {
      await this.#save({ ...entry, remote: taken, mayExist: false, state: { state: 'done', at: this.#stamp() } });
    }
    return { kind: 'published', remoteId: taken.remoteId, url: taken.url };
  }

  /**
   * Links a draft to a post already on the blog (an import found the post it came from), so that
   * publishing it updates that post; what changed is announced.
   */
  async link(draftId: string, accountId: string, remote: RemoteLink): Promise<void> {
    await this.#records.saveLink(draftId, accountId, { remote, identity: null });
    this.#refresh(draftId, accountId);
  }

  /** Imports the account's recent posts as drafts linked to them; posts already linked are skipped. */
  async pull(accountId: string, count: number): Promise<PullReport> {
    const { adapter, style } = await this.#blog(accountId);
    const linked = new Set<string>();
    for (const { draftId, accountId: account } of this.#records.posts()) {
      const remote = account === accountId ? knownPost(this.#records.post(draftId, account))?.remote : null;
      if (remote) linked.add(remote.remoteId);
    }
    const { pullRecent } = await sendingMachinery();
    return pullRecent({
      library: this.#options.library,
      linked,
      count,
      adapter,
      style,
      link: async (draftId, remote, identity) => {
        await this.#records.saveLink(draftId, accountId, { remote, identity });
        this.#refresh(draftId, accountId);
      },
    });
  }

  /** Stops background work and waits for attempts under way; entries stay on disk for next time. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    await Promise.allSettled(this.#running.values());
  }

  /** Records a new entry, or folds the request into a pending one for the same post and action. */
  async #record(
    draftId: string,
    accountId: string,
    action: OutboxAction,
    schedule: OutboxSchedule,
    options: { readonly force?: boolean } = {},
  ): Promise<OutboxEntry> {
    if (this.#closed) throw new AppError('unavailable', 'The outbox is closing.');
    const draft = await this.#draftOrNull(draftId);
    if (!draft && action === 'publish') throw new AppError('not-found', `There is no draft with id ${draftId}.`);
    const { newClientIdentity } = await sendingMachinery();
    const records = this.#records.post(draftId, accountId);
    const forPost = records.entries;
    const foldable = forPost.findLast(
      (entry) =>
        entry.action === action &&
        !this.#running.has(entry.id) &&
        (isPending(entry) || entry.state.state === 'needs-you'),
    );
    const force = options.force ?? false;
    let entry: OutboxEntry;
    if (foldable) {
      // Same post, same action, not yet sent: one entry keeps one identity, so no second post.
      entry = { ...foldable, schedule, force: foldable.force || force, state: { state: 'queued' } };
    } else {
      const known = knownPost(records);
      const remote = known?.remote ?? null;
      entry = {
        schemaVersion: OUTBOX_ENTRY_VERSION,
        id: this.#newId(),
        sequence: this.#records.nextSequence(),
        draftId,
        accountId,
        action,
        schedule,
        identity: known?.identity ?? newClientIdentity(() => this.#identitySuffix()),
        remote,
        // An earlier entry for this post may have created it under the identity reused here.
        mayExist: remote === null && known !== null,
        force,
        attempts: 0,
        interruptions: 0,
        createdAt: this.#stamp(),
        state: { state: 'queued' },
      };
    }
    await this.#save(entry);
    return entry;
  }

  /** One attempt now when online and the entry's turn has come; else it stays queued. */
  async #tryNow(entry: OutboxEntry): Promise<OutboxEntry> {
    const paused = (this.#pausedUntil.get(entry.accountId) ?? 0) > this.#now().getTime();
    if (!this.#online || paused || pendingBefore(this.list(), entry)) {
      this.#pump();
      return this.#entry(entry.id);
    }
    const running = this.#running.get(entry.id);
    if (running) await running;
    else await this.#attempt(entry);
    return this.#entry(entry.id);
  }

  /**
   * One attempt at one entry, one per blog at a time within the overall bound. Writes "sending"
   * durably before the request, so that a crash at any point leaves an entry that is retried
   * (and checked) rather than lost.
   */
  #attempt(entry: OutboxEntry): Promise<OutboxEntry> {
    const existing = this.#running.get(entry.id);
    if (existing) return existing.then(() => this.#entry(entry.id));
    const run = this.#accounts.run(entry.accountId, () =>
      this.#limiter.run(async () => {
        const current = this.#entry(entry.id);
        if (!isPending(current)) return;
        const startedAt = this.#stamp();
        // From here on the post may reach the blog, whatever a failure later says: a create can
        // commit and then fail on a read that follows it (the adapter reads the post's tags back).
        const sending: OutboxEntry = {
          ...current,
          attempts: current.attempts + 1,
          mayExist: current.mayExist || current.action === 'publish',
          state: { state: 'sending', startedAt },
        };
        await this.#save(sending);
        let result: SendResult;
        try {
          const { adapter, style } = await this.#blog(sending.accountId);
          const draft = await this.#draftOrNull(sending.draftId);
          const { sendEntry, BlogImages } = await sendingMachinery();
          this.#images ??= new BlogImages({
            libraryFolder: this.#options.folder,
            logError: this.#options.logError,
            now: this.#now,
          });
          result = await sendEntry({
            entry: { ...sending, mayExist: current.mayExist },
            link: this.#linkOf(sending),
            draft,
            adapter,
            style,
            images: this.#images,
          });
        } catch (error) {
          await this.#failed(sending, error);
          return;
        }
        await this.#succeeded(sending, result);
      }),
    );
    const tracked = run
      .catch((error: unknown) => this.#options.logError(`The outbox entry ${entry.id} could not be recorded`, error))
      .finally(() => {
        this.#running.delete(entry.id);
        this.#pump();
      });
    this.#running.set(entry.id, tracked);
    return tracked.then(() => this.#entry(entry.id));
  }

  async #succeeded(entry: OutboxEntry, result: SendResult): Promise<void> {
    const done = { state: 'done', at: this.#stamp() } as const;
    const settled = { ...entry, interruptions: 0 };
    if (result.kind === 'removed') {
      await this.#save({ ...settled, remote: null, state: done });
      return;
    }
    const { remote } = result;
    if (result.kind === 'conflict') {
      const reason =
        'The post was changed on the blog since it was published from here: compare, then keep yours or take theirs.';
      const conflict = { remoteModifiedAt: remote.modifiedAt };
      await this.#save({
        ...settled,
        mayExist: false,
        state: { state: 'needs-you', reason, cause: 'other', conflict },
      });
      return;
    }
    const { remoteLinkOf } = await sendingMachinery();
    const link = remoteLinkOf(remote, result.sentHash);
    // The writer may have typed while the post was on its way: then the target derives as
    // "changed since publish" from the draft's hash, which is no longer the one sent.
    await this.#save({ ...settled, remote: link, mayExist: false, force: false, state: done });
    // The version that went out stays findable in the draft's history, by the blog it went to;
    // the post is on the blog whether or not that history could be written.
    await this.#options.library
      .keepPublishedVersion(entry.draftId, entry.accountId, result.sentHash)
      .catch((error: unknown) =>
        this.#options.logError(`The published version of ${entry.draftId} was not kept`, error),
      );
  }

  async #failed(entry: OutboxEntry, error: unknown): Promise<void> {
    const { judgeFailure, defaultBackoff } = await sendingMachinery();
    const verdict = judgeFailure(error, entry.attempts, this.#backoff ?? defaultBackoff, this.#random);
    if (verdict.kind === 'needs-you') {
      await this.#save({
        ...entry,
        interruptions: 0,
        state: { state: 'needs-you', reason: verdict.reason, cause: verdict.cause, conflict: null },
      });
      return;
    }
    if (!(error instanceof AppError)) this.#options.logError(`Publishing entry ${entry.id} failed unexpectedly`, error);
    const now = this.#now().getTime();
    if (verdict.accountPauseMs !== null) this.#pausedUntil.set(entry.accountId, now + verdict.accountPauseMs);
    const at = new Date(now + verdict.delayMs).toISOString();
    await this.#save({
      ...entry,
      interruptions: 0,
      mayExist: entry.mayExist || verdict.mayHaveApplied,
      state: { state: 'retrying', at, reason: verdict.reason },
    });
  }

  /** Starts what is due, one entry per idle blog within the bound, and sets the timer for the rest. */
  #pump(): void {
    if (this.#closed || this.#readOnly) return;
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    const now = this.#now().getTime();
    const entries = this.list();
    if (!this.#online) {
      if (entries.some(isPending)) {
        const interval = this.#options.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS;
        this.#cancelTimer = this.#setTimer(() => void this.probe(), interval);
      }
      return;
    }
    const due = nextDue(entries, now, this.#pausedUntil, (accountId) => this.#accounts.busy(accountId));
    for (const entry of due.ready) void this.#attempt(entry);
    if (due.wakeAt !== null) this.#cancelTimer = this.#setTimer(() => this.#pump(), Math.max(0, due.wakeAt - now));
  }

  #publishOutcome(entry: OutboxEntry): PublishOutcome {
    if (entry.state.state === 'done' && entry.remote) {
      return { kind: 'published', remoteId: entry.remote.remoteId, url: entry.remote.url };
    }
    if (entry.state.state === 'needs-you') {
      const { reason, cause } = entry.state;
      return { kind: 'needs-you', entryId: entry.id, reason, cause };
    }
    if (entry.state.state === 'cancelled' || entry.state.state === 'done') {
      const link = this.#linkOf(entry);
      if (link) return { kind: 'published', remoteId: link.remoteId, url: link.url };
      throw new AppError('conflict', 'That entry was cancelled before it was published.');
    }
    return this.#queuedOutcome(entry);
  }

  #queuedOutcome(entry: OutboxEntry): {
    kind: 'queued';
    entryId: string;
    reason: string;
    nextAttemptAt: string | null;
  } {
    if (entry.state.state === 'retrying') {
      return { kind: 'queued', entryId: entry.id, reason: entry.state.reason, nextAttemptAt: entry.state.at };
    }
    const reason = !this.#online
      ? 'Offline: it goes out when the connection returns.'
      : pendingBefore(this.list(), entry)
        ? 'Waiting for an earlier change to this post to go out first.'
        : 'Queued: it goes out shortly.';
    return { kind: 'queued', entryId: entry.id, reason, nextAttemptAt: this.#online ? this.#stamp() : null };
  }

  /**
   * The blog's adapter and how posts look there. One at a time, so that a failure of either (a
   * blog removed meanwhile, a secret missing) is one rejection that the caller handles, never a
   * second one left dangling; a blog that is gone says so in words the writer can act on.
   */
  async #blog(accountId: string): Promise<{ adapter: BlogAdapter; style: PostStyle }> {
    try {
      const style = await this.#options.postStyleFor(accountId);
      const adapter = await this.#options.adapterFor(accountId);
      return { adapter, style };
    } catch (error) {
      if (error instanceof AppError && error.kind === 'not-found') throw new BlogGoneError(error);
      throw error;
    }
  }

  /** The post on the blog as the outbox knows it now, for the entry's draft and blog. */
  #linkOf(entry: Pick<OutboxEntry, 'draftId' | 'accountId'>): RemoteLink | null {
    return knownPost(this.#records.post(entry.draftId, entry.accountId))?.remote ?? null;
  }

  #derive(draftId: string, accountId: string): PublishState {
    return targetState(this.#records.post(draftId, accountId), this.#options.library.contentHash(draftId));
  }

  /** Derives where the post stands now, and announces it when that changed. */
  #refresh(draftId: string, accountId: string): void {
    const key = postKey({ draftId, accountId });
    const state = this.#derive(draftId, accountId);
    const before = this.#targets.get(key);
    this.#targets.set(key, state);
    if (before === undefined || !sameState(before, state)) {
      this.#options.onChange?.({ kind: 'target', draftId, accountId, state });
    }
  }

  /**
   * An entry found "sending" at start: settled as an attempt that may have reached the blog (it is
   * looked for before it is sent again), once; found so again, it waits for the writer.
   */
  async #settleInterrupted(entry: OutboxEntry): Promise<void> {
    const interruptions = entry.interruptions + 1;
    if (interruptions >= MAX_INTERRUPTIONS) {
      const reason =
        'The app stopped twice while this was being sent, so it is held: retry it when you are ready, or cancel it.';
      await this.#save({
        ...entry,
        interruptions,
        mayExist: true,
        state: { state: 'needs-you', reason, cause: 'other', conflict: null },
      });
      return;
    }
    // Its request may still be running on the server: give it time before looking for the post.
    const { defaultBackoff } = await sendingMachinery();
    const at = new Date(this.#now().getTime() + (this.#backoff ?? defaultBackoff).settleMs).toISOString();
    const reason = 'The app stopped while this was being sent; checking the blog before sending again.';
    await this.#save({ ...entry, interruptions, mayExist: true, state: { state: 'retrying', at, reason } });
  }

  /** Every change to an entry comes through here: on disk first, then announced. */
  async #save(entry: OutboxEntry): Promise<void> {
    if (this.#readOnly) throw readOnlyRefusal();
    await this.#records.saveEntry(entry);
    this.#options.onChange?.({ kind: 'entry', entry });
    this.#refresh(entry.draftId, entry.accountId);
  }

  #entry(id: string): OutboxEntry {
    const entry = this.#records.entry(id);
    if (!entry) throw new AppError('not-found', `There is no outbox entry ${id}.`);
    return entry;
  }

  async #draftOrNull(id: string): Promise<Draft | null> {
    try {
      return await this.#options.library.get(id);
    } catch (error) {
      if (error instanceof AppError && error.kind === 'not-found') return null;
      throw error;
    }
  }

  #stamp(): string {
    return this.#now().toISOString();
  }

  #identitySuffix(): string {
    return Math.floor(this.#random() * IDENTITY_SUFFIX_SPACE)
      .toString(36)
      .padStart(8, '0');
  }
}

function sameState(a: PublishState, b: PublishState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

let sending: Promise<typeof Sending> | null = null;

/** The outbox's code for reaching blogs, loaded once, when it is first needed. */
function sendingMachinery(): Promise<typeof Sending> {
  sending ??= import('./sending');
  return sending;
}
