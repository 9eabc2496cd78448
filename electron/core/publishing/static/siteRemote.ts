import git, { Errors, type AuthCallback, type HttpClient } from 'isomorphic-git';
import { hostOf } from '../http/request';
import { credentialsRefused, PublishingError } from '../publishingError';
import type { SiteRepository } from './siteRepository';

/** Where a site's commits are pushed, and the user and token the remote asks for. */
export interface SiteRemoteOptions {
  /** The remote's name in the repository's configuration ("origin"). */
  readonly name: string;
  readonly url: string;
  /** The user and password or token; null for a remote that asks for none. */
  readonly credentials: { readonly username: string; readonly password: string } | null;
  readonly http: HttpClient;
}

/**
 * The remote end of a site's repository over git's smart HTTP: fetching its branch and pushing
 * ours. Failures become PublishingErrors the outbox can judge: no connection is retried, refused
 * credentials need the writer, a push refused because the remote moved is reported as such.
 */
export class SiteRemote {
  readonly #options: SiteRemoteOptions;

  constructor(options: SiteRemoteOptions) {
    this.#options = options;
  }

  get url(): string {
    return this.#options.url;
  }

  /** Brings the remote's branch into refs/remotes/NAME/BRANCH; returns its commit, or null when the remote has no such branch. */
  async fetch(repository: SiteRepository, branch: string): Promise<string | null> {
    const trackingRef = `refs/remotes/${this.#options.name}/${branch}`;
    if (!(await this.#hasBranch(branch))) return null;
    await this.#talk(() => git.fetch({ ...this.#branchOptions(repository, branch), singleBranch: true, tags: false }));
    return repository.tip(trackingRef);
  }

  /**
   * Pushes the branch. Returns false when the remote refused because it moved on (someone pushed
   * meanwhile): fetch, rebase, push again. The write may have reached the remote when the answer
   * is lost, which the outbox's next attempt finds by fetching.
   */
  async push(repository: SiteRepository, branch: string): Promise<boolean> {
    let refusal: string | null;
    try {
      const result = await git.push(this.#branchOptions(repository, branch));
      refusal = result.ok ? null : (result.error ?? 'no reason given');
    } catch (error) {
      if (error instanceof Errors.PushRejectedError) return false;
      if (!(error instanceof Errors.GitPushError))
        throw pushFailure(gitFailure(error, this.#options.url, this.#options.credentials !== null));
      refusal = error.message;
    }
    if (refusal === null) return true;
    // The server checks the branch's old value itself: one that moved after we looked refuses the update.
    if (await this.#moved(repository, branch)) return false;
    throw new PublishingError('rejected', `${hostOf(this.#options.url)} refused the push: ${refusal}`);
  }

  /** Checks that the remote answers and takes these credentials for pushing, without changing it. */
  async verify(): Promise<void> {
    await this.#talk(() =>
      // Protocol v2 has no push; asking for it makes some servers (git http-backend) answer in a form isomorphic-git refuses.
      git.getRemoteInfo2({ ...this.#access(), url: this.#options.url, forPush: true, protocolVersion: 1 }),
    );
  }

  async #hasBranch(branch: string): Promise<boolean> {
    return (await this.#serverTip(branch)) !== null;
  }

  /** Whether the remote's branch is no longer where our last fetch saw it. */
  async #moved(repository: SiteRepository, branch: string): Promise<boolean> {
    const seen = await repository.tip(`refs/remotes/${this.#options.name}/${branch}`);
    return (await this.#serverTip(branch)) !== seen;
  }

  async #serverTip(branch: string): Promise<string | null> {
    const refs = await this.#talk(() =>
      git.listServerRefs({ ...this.#access(), url: this.#options.url, prefix: `refs/heads/${branch}` }),
    );
    return refs.find((ref) => ref.ref === `refs/heads/${branch}`)?.oid ?? null;
  }

  /** The branch here and its namesake on the remote, as fetch and push both name them. */
  #branchOptions(repository: SiteRepository, branch: string) {
    return {
      ...repository.base,
      ...this.#access(),
      remote: this.#options.name,
      url: this.#options.url,
      ref: branch,
      remoteRef: branch,
    };
  }

  #access(): { http: HttpClient; onAuth: AuthCallback; onAuthFailure: AuthCallback } {
    const { credentials } = this.#options;
    return {
      http: this.#options.http,
      onAuth: () => (credentials === null ? { cancel: true } : { ...credentials }),
      // The same credentials refused once are refused again: stop and tell the writer.
      onAuthFailure: () => ({ cancel: true }),
    };
  }

  async #talk<T>(exchange: () => Promise<T>): Promise<T> {
    try {
      return await exchange();
    } catch (error) {
      throw gitFailure(error, this.#options.url, this.#options.credentials !== null);
    }
  }
}

/** A push whose answer never came may have been applied: the next attempt fetches and sees. */
function pushFailure(error: unknown): unknown {
  if (error instanceof PublishingError && (error.failure === 'no-connection' || error.failure === 'timeout')) {
    return new PublishingError(error.failure, error.message, { mayHaveApplied: true, cause: error });
  }
  return error;
}

/** An isomorphic-git failure as the PublishingError it means; other errors are passed on. */
function gitFailure(error: unknown, url: string, hadCredentials: boolean): unknown {
  const host = hostOf(url);
  if (error instanceof PublishingError || error instanceof Errors.PushRejectedError) return error;
  if (error instanceof Errors.UserCanceledError) {
    if (hadCredentials) {
      return credentialsRefused(host, 'the token', {
        advice: `A token needs permission to push to ${url}, under the user name given with it.`,
        cause: error,
      });
    }
    return new PublishingError(
      'bad-credentials',
      `${host} asks for a user name and token to reach ${url}: add them in the blog's settings.`,
      { cause: error },
    );
  }
  if (error instanceof Errors.HttpError) {
    const status = error.data.statusCode;
    if (status === 403) {
      return new PublishingError('forbidden', `${host} does not let this account push to ${url}.`, { status });
    }
    if (status === 404) {
      return new PublishingError('not-found', `There is no git repository at ${url}.`, { status });
    }
    if (status === 429) return new PublishingError('rate-limited', `${host} asks to slow down (429).`, { status });
    if (status >= 500) {
      return new PublishingError('server-error', `${host} had a server error (${status}); try again later.`, {
        status,
        mayHaveApplied: true,
      });
    }
    return new PublishingError('rejected', `${host} answered ${status} ${error.data.statusMessage} for ${url}.`, {
      status,
    });
  }
  if (error instanceof Errors.SmartHttpError || error instanceof Errors.UnknownTransportError) {
    return new PublishingError('not-an-api', `${url} is not a git repository served over HTTP(S).`, { cause: error });
  }
  return error;
}
