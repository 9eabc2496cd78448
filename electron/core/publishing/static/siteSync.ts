import { AppError } from '../../../../shared/result';
import { PublishingError } from '../publishingError';
import type { SiteRemote } from './siteRemote';
import type { CommitInfo, CommitRequest, SiteRepository } from './siteRepository';

/** How often one sync fetches again after the remote moved between a fetch and a push. */
const MAX_ROUNDS = 4;

/**
 * Keeps the site's branch and its remote level. Commits made here that have not gone out (the
 * connection was down, or the app stopped) are pushed at the next chance; when the remote moved
 * meanwhile, they are fetched under and, when they are only Commonplace's and touch files the
 * remote did not, replayed on top of it (a rebase). A commit of ours that touches a file the
 * remote changed is set aside, kept under refs/commonplace/, and the remote's version stands: the
 * outbox then sees the post changed on the blog and holds it as a conflict for the writer.
 * Commits of the writer's own that are not on the remote are never rewritten: they need the writer.
 */
export class SiteSync {
  /** The line Commonplace's commits carry, naming the file they publish. */
  static readonly trailer = 'Commonplace-Post';

  readonly #repository: SiteRepository;
  readonly #branch: string;
  readonly #remote: SiteRemote | null;

  constructor(options: { repository: SiteRepository; branch: string; remote: SiteRemote | null }) {
    this.#repository = options.repository;
    this.#branch = options.branch;
    this.#remote = options.remote;
  }

  /** Brings the remote's changes in and sends ours out; returns the branch's tip (null: no commit yet). */
  async run(): Promise<string | null> {
    const remote = this.#remote;
    if (remote === null) return this.#localTip();
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const theirs = await remote.fetch(this.#repository, this.#branch);
      const ours = await this.#integrate(await this.#localTip(), theirs);
      if (ours === theirs) return ours;
      if (await remote.push(this.#repository, this.#branch)) return ours;
    }
    throw new PublishingError(
      'server-error',
      `The site's remote (${remote.url}) kept changing while this was being published; trying again shortly.`,
    );
  }

  /**
   * Like `run`, for a write: when the remote cannot be reached, the branch as it is here is used,
   * so the commit is made now (the site can be previewed locally) and pushed at the next chance.
   */
  async prepareWrite(): Promise<string | null> {
    try {
      return await this.run();
    } catch (error) {
      if (error instanceof PublishingError && (error.failure === 'no-connection' || error.failure === 'timeout')) {
        return this.#localTip();
      }
      throw error;
    }
  }

  /**
   * Commits the files on `tip` (the tip `prepareWrite` returned), moves the branch, and pushes. Returns
   * the branch's tip afterwards; unchanged files make no commit. When the push cannot go out, the
   * commit stays on the branch and the error says so: the next attempt pushes it.
   */
  async commit(
    tip: string | null,
    files: ReadonlyMap<string, string | Uint8Array | null>,
    request: CommitRequest,
  ): Promise<string> {
    const commit = await this.#repository.commit(tip, files, request);
    if (commit === null) {
      if (tip === null) throw new AppError('internal', 'An empty commit was asked of an empty repository.');
      return tip;
    }
    await this.#repository.moveBranch(this.#branch, tip, commit);
    const after = await this.run();
    if (after === null) throw new AppError('internal', `The branch ${this.#branch} vanished after a commit.`);
    return after;
  }

  #localTip(): Promise<string | null> {
    return this.#repository.tip(`refs/heads/${this.#branch}`);
  }

  /** Makes the branch contain the remote's tip; returns the branch's tip afterwards. */
  async #integrate(ours: string | null, theirs: string | null): Promise<string | null> {
    const repository = this.#repository;
    if (theirs === null || ours === theirs) return ours;
    if (ours === null || (await repository.isAncestor(ours, theirs))) {
      await repository.moveBranch(this.#branch, ours, theirs);
      return theirs;
    }
    if (await repository.isAncestor(theirs, ours)) return ours;
    return this.#rebase(ours, theirs);
  }

  async #rebase(ours: string, theirs: string): Promise<string> {
    const repository = this.#repository;
    const base = await repository.mergeBase(ours, theirs);
    if (base === null) {
      throw new AppError(
        'conflict',
        `The site's branch ${this.#branch} and its remote share no history: check that the remote is the site's own repository.`,
      );
    }
    const unpushed = await this.#commitsSince(base, ours);
    const foreign = unpushed.filter((commit) => !isOurs(commit) || commit.parents.length !== 1);
    if (foreign.length > 0) {
      throw new AppError(
        'conflict',
        `The site's branch ${this.#branch} and its remote have both moved on, and the branch has commits that Commonplace did not make (${foreign
          .slice(0, 3)
          .map((commit) => commit.oid.slice(0, 7))
          .join(', ')}). Pull and push them yourself (git pull --rebase, git push), then try again.`,
      );
    }
    const changedThere = new Set((await repository.changes(base, theirs)).map((change) => change.path));
    let tip = theirs;
    let setAside = false;
    for (const commit of unpushed) {
      const changes = await repository.changes(commit.parents[0] ?? null, commit.oid);
      if (changes.some((change) => changedThere.has(change.path))) {
        setAside = true;
        continue;
      }
      const blobs = new Map(changes.map((change) => [change.path, change.to]));
      // The same people and times: a replayed commit keeps the post's "modified" time as it was.
      const details = { message: commit.message, author: commit.author, committer: commit.committer };
      tip = (await repository.commitBlobs(tip, blobs, details)) ?? tip;
    }
    if (setAside) await repository.keep(`set-aside/${ours}`, ours);
    await repository.moveBranch(this.#branch, ours, tip);
    return tip;
  }

  /** The commits after `base` up to `tip` along first parents, oldest first. */
  async #commitsSince(base: string, tip: string): Promise<CommitInfo[]> {
    const commits: CommitInfo[] = [];
    for (let oid: string | undefined = tip; oid !== undefined && oid !== base;) {
      const commit = await this.#repository.commitInfo(oid);
      commits.unshift(commit);
      oid = commit.parents[0];
    }
    return commits;
  }
}

function isOurs(commit: CommitInfo): boolean {
  return new RegExp(`^${SiteSync.trailer}: `, 'm').test(commit.message);
}
