import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import git, { Errors, TREE, type CommitObject, type TreeEntry, type WalkerEntry } from 'isomorphic-git';
import { AppError } from '../../../../shared/result';
import { writeFileDurably } from '../../storage/durableWrite';
import { durableGitFs } from './gitFs';

/** Who a commit is by, as git records it. */
export interface GitPerson {
  readonly name: string;
  readonly email: string;
}

/** One file that differs between two commits: its blob before and after (null: absent). */
export interface FileChange {
  readonly path: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** A commit as the site's history shows it. */
export interface CommitInfo {
  readonly oid: string;
  readonly parents: readonly string[];
  readonly message: string;
  readonly author: GitPerson & { readonly timestamp: number; readonly timezoneOffset: number };
  readonly committer: GitPerson & { readonly timestamp: number; readonly timezoneOffset: number };
}

/** What a new commit records: its message, who made it, and when. */
export interface CommitRequest {
  readonly message: string;
  readonly author: GitPerson;
  readonly at: Date;
}

/**
 * The site's git repository, read and written with isomorphic-git (pure JavaScript: the same on
 * Windows, macOS and Linux, no git binary). Commits are built from trees, never through the
 * index, so whatever the writer has staged stays out of them; the working folder and the index
 * follow a branch's move only for the files the move changes, and only when those files hold no
 * uncommitted edits of the writer's.
 */
export class SiteRepository {
  readonly folder: string;
  readonly #cache: object = {};

  constructor(folder: string) {
    this.folder = folder;
  }

  /** The arguments every isomorphic-git call takes. */
  get base(): { readonly fs: typeof durableGitFs; readonly dir: string; readonly cache: object } {
    return { fs: durableGitFs, dir: this.folder, cache: this.#cache };
  }

  /** The commit a ref points at, or null when the ref does not exist (an empty repository's branch). */
  async tip(ref: string): Promise<string | null> {
    try {
      return await git.resolveRef({ ...this.base, ref });
    } catch (error) {
      if (error instanceof Errors.NotFoundError) return null;
      throw error;
    }
  }

  /** The branch the working folder is on, or null when HEAD is detached. */
  async checkedOutBranch(): Promise<string | null> {
    return (await git.currentBranch({ ...this.base, fullname: false })) ?? null;
  }

  /** The blob at `filepath` in a commit, or null when the commit has no such file. */
  async blobAt(commit: string, filepath: string): Promise<string | null> {
    const slash = filepath.lastIndexOf('/');
    const folder = slash < 0 ? '' : filepath.slice(0, slash);
    const entry = (await this.#entriesIn(commit, folder)).find((each) => each.path === filepath.slice(slash + 1));
    return entry?.type === 'blob' ? entry.oid : null;
  }

  /** A file's text in a commit, or null when the commit has no such file. */
  async readText(commit: string, filepath: string): Promise<string | null> {
    const blob = await this.blobAt(commit, filepath);
    return blob === null ? null : this.readBlobText(blob);
  }

  async readBlobText(blob: string): Promise<string> {
    const { blob: bytes } = await git.readBlob({ ...this.base, oid: blob });
    return Buffer.from(bytes).toString('utf8');
  }

  /** The files directly in `folder` (not in its subfolders) in a commit, with their blobs. */
  async filesIn(commit: string, folder: string): Promise<readonly TreeEntry[]> {
    return (await this.#entriesIn(commit, folder))
      .filter((entry) => entry.type === 'blob')
      .map((entry) => ({ ...entry, path: joinPath(folder, entry.path) }));
  }

  /** What a folder of a commit holds (names only), or nothing when it has no such folder. */
  async #entriesIn(commit: string, folder: string): Promise<readonly TreeEntry[]> {
    try {
      const { tree } = await git.readTree({
        ...this.base,
        oid: commit,
        ...(folder === '' ? {} : { filepath: folder }),
      });
      return tree;
    } catch (error) {
      if (error instanceof Errors.NotFoundError || error instanceof Errors.ObjectTypeError) return [];
      throw error;
    }
  }

  async commitInfo(oid: string): Promise<CommitInfo> {
    const { commit } = await git.readCommit({ ...this.base, oid });
    return { oid, parents: commit.parent, message: commit.message, author: commit.author, committer: commit.committer };
  }

  /**
   * A new commit on `parent` (null: the first commit) with the files set (text or bytes) or removed (null),
   * or null when that changes nothing. The commit is written, not yet on any branch.
   */
  async commit(
    parent: string | null,
    files: ReadonlyMap<string, string | Uint8Array | null>,
    request: CommitRequest,
  ): Promise<string | null> {
    const blobs = new Map<string, string | null>();
    for (const [filepath, content] of files) {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      blobs.set(filepath, bytes === null ? null : await git.writeBlob({ ...this.base, blob: bytes }));
    }
    const person = {
      name: request.author.name,
      email: request.author.email,
      timestamp: Math.floor(request.at.getTime() / 1000),
      timezoneOffset: 0,
    };
    return this.commitBlobs(parent, blobs, { message: request.message, author: person, committer: person });
  }

  /** Like `commit`, with blobs already in the repository and the commit's people and times given. */
  async commitBlobs(
    parent: string | null,
    blobs: ReadonlyMap<string, string | null>,
    details: Pick<CommitObject, 'message' | 'author' | 'committer'>,
  ): Promise<string | null> {
    const parentTree = parent === null ? null : (await git.readCommit({ ...this.base, oid: parent })).commit.tree;
    const tree = (await this.#editTree(parentTree, blobs)) ?? (await git.writeTree({ ...this.base, tree: [] }));
    if (tree === parentTree) return null;
    return git.writeCommit({
      ...this.base,
      commit: { ...details, tree, parent: parent === null ? [] : [parent] },
    });
  }

  /** The files that differ between two commits (`from` null: every file of `to`). */
  async changes(from: string | null, to: string): Promise<readonly FileChange[]> {
    const found: FileChange[] = [];
    const trees = from === null ? [TREE({ ref: to })] : [TREE({ ref: from }), TREE({ ref: to })];
    await git.walk({
      ...this.base,
      trees,
      map: async (filepath: string, entries: (WalkerEntry | null)[]) => {
        const [before, after] = from === null ? [null, entries[0] ?? null] : [entries[0] ?? null, entries[1] ?? null];
        if (filepath === '.') return true;
        const [beforeOid, afterOid] = await Promise.all([before?.oid(), after?.oid()]);
        // An unchanged folder is not walked into.
        if (beforeOid !== undefined && beforeOid === afterOid) return null;
        const [beforeType, afterType] = await Promise.all([before?.type(), after?.type()]);
        const beforeBlob = beforeType === 'blob' ? (beforeOid ?? null) : null;
        const afterBlob = afterType === 'blob' ? (afterOid ?? null) : null;
        if (beforeBlob !== afterBlob) found.push({ path: filepath, from: beforeBlob, to: afterBlob });
        return true;
      },
    });
    return found;
  }

  /** The latest commit, following first parents from `commit`, that changed `filepath`; null when it is absent. */
  async lastChange(commit: string, filepath: string): Promise<CommitInfo | null> {
    const blob = await this.blobAt(commit, filepath);
    if (blob === null) return null;
    for (let current = await this.commitInfo(commit); ;) {
      const parent = current.parents[0];
      if (parent === undefined || (await this.blobAt(parent, filepath)) !== blob) return current;
      current = await this.commitInfo(parent);
    }
  }

  async isAncestor(ancestor: string, of: string): Promise<boolean> {
    if (ancestor === of) return true;
    return git.isDescendent({ ...this.base, oid: of, ancestor, depth: -1 });
  }

  async mergeBase(first: string, second: string): Promise<string | null> {
    const bases: unknown[] = await git.findMergeBase({ ...this.base, oids: [first, second] });
    const [base] = bases;
    return typeof base === 'string' ? base : null;
  }

  /**
   * Moves `branch` from `from` to `to`. When the working folder is on that branch, the files that
   * differ are written there and in the index first, so `git status` stays clean; a file the
   * writer has edited and not committed stops the move before anything changes. The files go
   * first and the branch last, so a crash in between leaves a move that the next one completes.
   */
  async moveBranch(branch: string, from: string | null, to: string): Promise<void> {
    if ((await this.checkedOutBranch()) === branch) {
      const changes = await this.changes(from, to);
      const edited: string[] = [];
      for (const change of changes) {
        const working = await this.workingBlob(change.path);
        if (working !== change.from && working !== change.to) edited.push(change.path);
      }
      if (edited.length > 0) {
        throw new AppError(
          'conflict',
          `The site folder has changes of yours that are not committed, in ${edited.slice(0, 3).join(', ')}${edited.length > 3 ? ' and more' : ''}: commit or discard them, then try again.`,
        );
      }
      for (const change of changes) await this.#writeWorkingFile(change);
      for (const change of changes) {
        if (change.to === null) await git.remove({ ...this.base, filepath: change.path });
        else await git.add({ ...this.base, filepath: change.path, force: true });
      }
    }
    await git.writeRef({ ...this.base, ref: `refs/heads/${branch}`, value: to, force: true });
  }

  /** Keeps a commit reachable under refs/commonplace/, so that one taken off the branch is never lost. */
  async keep(name: string, commit: string): Promise<void> {
    await git.writeRef({ ...this.base, ref: `refs/commonplace/${name}`, value: commit, force: true });
  }

  async #editTree(tree: string | null, changes: ReadonlyMap<string, string | null>): Promise<string | null> {
    const entries = new Map<string, TreeEntry>();
    if (tree !== null)
      for (const entry of (await git.readTree({ ...this.base, oid: tree })).tree) entries.set(entry.path, entry);
    const nested = new Map<string, Map<string, string | null>>();
    for (const [filepath, blob] of changes) {
      const slash = filepath.indexOf('/');
      if (slash >= 0) {
        const folder = filepath.slice(0, slash);
        const inner = nested.get(folder) ?? new Map<string, string | null>();
        inner.set(filepath.slice(slash + 1), blob);
        nested.set(folder, inner);
      } else if (blob === null) {
        entries.delete(filepath);
      } else {
        const mode = entries.get(filepath)?.type === 'blob' ? (entries.get(filepath)?.mode ?? '100644') : '100644';
        entries.set(filepath, { mode, path: filepath, oid: blob, type: 'blob' });
      }
    }
    for (const [folder, inner] of nested) {
      const existing = entries.get(folder);
      const subtree = await this.#editTree(existing?.type === 'tree' ? existing.oid : null, inner);
      if (subtree === null) entries.delete(folder);
      else entries.set(folder, { mode: '040000', path: folder, oid: subtree, type: 'tree' });
    }
    if (entries.size === 0) return null;
    return git.writeTree({ ...this.base, tree: [...entries.values()] });
  }

  /** The blob the working folder's copy of a file would be, or null when there is none. */
  async workingBlob(filepath: string): Promise<string | null> {
    try {
      const bytes = await readFile(path.join(this.folder, filepath));
      return (await git.hashBlob({ object: bytes })).oid;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async #writeWorkingFile(change: FileChange): Promise<void> {
    const file = path.join(this.folder, change.path);
    if (change.to === null) {
      await rm(file, { force: true });
      return;
    }
    const { blob } = await git.readBlob({ ...this.base, oid: change.to });
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileDurably(file, blob);
  }
}

/** "content/posts" + "a.html" → "content/posts/a.html"; the root is "". */
export function joinPath(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}
