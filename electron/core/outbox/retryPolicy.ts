import { AppError } from '../../../shared/result';
import type { NeedsYouCause } from '../../../shared/model/draft';
import { PublishingError } from '../publishing/publishingError';
import { BlogGoneError } from './blogGone';

/** How long the outbox waits between attempts at one entry. */
export interface BackoffPolicy {
  /** The wait after the first failure; it doubles with each further failure. */
  readonly baseMs: number;
  /** The longest wait between two attempts, however many failed. */
  readonly maxMs: number;
  /** The longest Retry-After the outbox obeys; a blog asking for more is asked again sooner. */
  readonly maxRetryAfterMs: number;
  /**
   * The shortest wait after a write that may have reached the blog: a request whose answer was
   * lost may still be running on the server, and looking for the post too soon would miss it.
   */
  readonly settleMs: number;
}

export const defaultBackoff: BackoffPolicy = {
  baseMs: 2_000,
  maxMs: 15 * 60_000,
  maxRetryAfterMs: 60 * 60_000,
  settleMs: 10_000,
};

/** What to do after a failed attempt: try again later, or stop and ask the writer. */
export type FailureVerdict =
  | {
      readonly kind: 'retry';
      readonly reason: string;
      readonly delayMs: number;
      /** The write may have reached the blog: look for the post before creating it again. */
      readonly mayHaveApplied: boolean;
      /** The blog asked the whole account to wait this long (Retry-After on 429 or 503). */
      readonly accountPauseMs: number | null;
    }
  | { readonly kind: 'needs-you'; readonly reason: string; readonly cause: NeedsYouCause };

/**
 * Exponential backoff with "equal jitter": half the doubled wait is fixed, half random, so that
 * entries that failed together spread out without any of them retrying at once.
 */
export function backoffDelay(attempts: number, policy: BackoffPolicy, random: () => number): number {
  const doublings = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** doublings);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Judges a failed attempt. Only failures that can pass by themselves are retried; a refusal
 * (401, 403, 404, 422, a certificate, an answer that is not the blog's API) needs the writer.
 */
export function judgeFailure(
  error: unknown,
  attempts: number,
  policy: BackoffPolicy,
  random: () => number,
): FailureVerdict {
  if (error instanceof PublishingError) {
    if (!error.retryable) return { kind: 'needs-you', reason: error.message, cause: causeOf(error) };
    const retryAfterMs =
      error.retryAfterSeconds === null ? null : Math.min(error.retryAfterSeconds * 1000, policy.maxRetryAfterMs);
    // A little jitter on top of Retry-After, so that queued posts do not all arrive in the same second.
    const backoff =
      retryAfterMs === null
        ? backoffDelay(attempts, policy, random)
        : retryAfterMs + Math.round(random() * policy.baseMs);
    const delayMs = error.mayHaveApplied ? Math.max(backoff, policy.settleMs) : backoff;
    return {
      kind: 'retry',
      reason: error.message,
      delayMs,
      mayHaveApplied: error.mayHaveApplied,
      accountPauseMs: retryAfterMs,
    };
  }
  if (error instanceof AppError && error.kind !== 'storage' && error.kind !== 'unavailable') {
    return { kind: 'needs-you', reason: error.message, cause: causeOf(error) };
  }
  const reason = error instanceof Error ? error.message : String(error);
  // Nothing is known about an unexpected failure, so the write may have gone out.
  return {
    kind: 'retry',
    reason: reason === '' ? 'An unexpected error occurred.' : reason,
    delayMs: Math.max(backoffDelay(attempts, policy, random), policy.settleMs),
    mayHaveApplied: true,
    accountPauseMs: null,
  };
}

/**
 * What remedy a refusal calls for: new credentials (the blog's settings) when the blog refused
 * them or sent the app to its sign-in page; another blog when this one was removed.
 */
function causeOf(error: AppError): NeedsYouCause {
  if (error instanceof BlogGoneError) return 'blog-removed';
  if (error instanceof PublishingError && (error.failure === 'bad-credentials' || error.failure === 'login-redirect')) {
    return 'credentials';
  }
  return 'other';
}
