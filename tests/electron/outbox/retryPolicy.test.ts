import { BlogGoneError } from '../../../electron/core/outbox/blogGone';
import { describe, expect, it } from 'vitest';
import { isPending, nextDue, pendingBefore } from '../../../electron/core/outbox/queue';
import { backoffDelay, judgeFailure, type BackoffPolicy } from '../../../electron/core/outbox/retryPolicy';
import { PublishingError, type PublishingFailure } from '../../../electron/core/publishing/publishingError';
import { AppError } from '../../../shared/result';
import type { OutboxEntry, OutboxEntryState } from '../../../shared/model/outbox';

const policy: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, maxRetryAfterMs: 600_000, settleMs: 0 };

describe('backoff', () => {
  it('doubles with each failure, between half and all of the doubled wait, up to the cap', () => {
    for (const [attempts, ceiling] of [
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
      [7, 60_000],
      [50, 60_000],
    ] as const) {
      expect(backoffDelay(attempts, policy, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(attempts, policy, () => 0.999_999)).toBe(ceiling);
    }
  });

  it('spreads entries that failed together (jitter)', () => {
    let seed = 1;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4, policy, random)));
    expect(delays.size).toBeGreaterThan(15);
  });
});

describe('judging a failure', () => {
  const error = (failure: PublishingFailure, details = {}): PublishingError =>
    new PublishingError(failure, `the blog said ${failure}`, details);

  it.each([
    ['bad-credentials', 401, 'credentials'],
    ['login-redirect', 302, 'credentials'],
    ['forbidden', 403, 'other'],
    ['not-found', 404, 'other'],
    ['rejected', 422, 'other'],
    ['tls', null, 'other'],
  ] as const)(
    '%s (%s) needs the writer, with the reason and its cause (%s), and is not retried',
    (failure, status, cause) => {
      expect(judgeFailure(error(failure, status === null ? {} : { status }), 1, policy, () => 0)).toEqual({
        kind: 'needs-you',
        reason: `the blog said ${failure}`,
        cause,
      });
    },
  );

  it('waits as long as Retry-After says on a 429 or 503, for the whole account', () => {
    for (const failure of ['rate-limited', 'server-error'] as const) {
      const verdict = judgeFailure(error(failure, { retryAfterSeconds: 30 }), 1, policy, () => 0);
      expect(verdict).toMatchObject({ kind: 'retry', delayMs: 30_000, accountPauseMs: 30_000 });
    }
  });

  it('after a write that may have gone through, waits at least the settle time before looking for it', () => {
    const settling = { ...policy, settleMs: 5_000 };
    expect(judgeFailure(error('timeout', { mayHaveApplied: true }), 1, settling, () => 0)).toMatchObject({
      delayMs: 5_000,
    });
    expect(judgeFailure(error('no-connection'), 1, settling, () => 0)).toMatchObject({ delayMs: 500 });
  });

  it('caps an absurd Retry-After', () => {
    const verdict = judgeFailure(error('rate-limited', { retryAfterSeconds: 86_400 }), 1, policy, () => 0);
    expect(verdict).toMatchObject({ kind: 'retry', delayMs: 600_000 });
  });

  it('remembers that an ambiguous failure may have reached the blog', () => {
    expect(judgeFailure(error('timeout', { mayHaveApplied: true }), 2, policy, () => 0)).toMatchObject({
      kind: 'retry',
      delayMs: 1_000,
      mayHaveApplied: true,
      accountPauseMs: null,
    });
    expect(judgeFailure(error('no-connection'), 1, policy, () => 0)).toMatchObject({ mayHaveApplied: false });
  });

  it('asks the writer when the draft is gone, and retries an unexpected error as possibly applied', () => {
    expect(judgeFailure(new AppError('not-found', 'gone'), 1, policy, () => 0)).toEqual({
      kind: 'needs-you',
      reason: 'gone',
      cause: 'other',
    });
    expect(judgeFailure(new BlogGoneError(new AppError('not-found', 'no blog')), 1, policy, () => 0)).toMatchObject({
      kind: 'needs-you',
      cause: 'blog-removed',
    });
    expect(judgeFailure(new Error('boom'), 1, policy, () => 0)).toMatchObject({ kind: 'retry', mayHaveApplied: true });
  });
});

describe('which entries go next', () => {
  let sequence = 0;
  function entry(draftId: string, accountId: string, state: OutboxEntryState): OutboxEntry {
    sequence += 1;
    return {
      schemaVersion: 3,
      id: `entry-${String(sequence).padStart(4, '0')}`,
      sequence,
      draftId,
      accountId,
      action: 'publish',
      schedule: { status: 'publish' },
      identity: `post-${sequence}`,
      remote: null,
      mayExist: false,
      force: false,
      attempts: 0,
      interruptions: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
      state,
    };
  }
  const now = Date.parse('2026-01-01T10:00:00.000Z');
  const queued = { state: 'queued' } as const;

  it('one entry per idle blog, the oldest first, never a later entry of a post before an earlier one', () => {
    const first = entry('draft-aaaa', 'blog-one-1', { state: 'retrying', at: '2026-01-01T10:05:00.000Z', reason: 'x' });
    const later = entry('draft-aaaa', 'blog-one-1', queued);
    const other = entry('draft-bbbb', 'blog-one-1', queued);
    const elsewhere = entry('draft-cccc', 'blog-two-2', queued);
    const busyBlog = entry('draft-dddd', 'blog-three', queued);
    const entries = [first, later, other, elsewhere, busyBlog];

    const due = nextDue(entries, now, new Map(), (accountId) => accountId === 'blog-three');

    expect(due.ready.map((ready) => ready.id)).toEqual([other.id, elsewhere.id]);
    expect(due.wakeAt).toBe(Date.parse('2026-01-01T10:05:00.000Z'));
    expect(pendingBefore(entries, later)).toBe(true);
    expect(pendingBefore(entries, other)).toBe(false);
  });

  it('leaves a blog alone while it asked to wait, and wakes when the wait is over', () => {
    const waiting = entry('draft-eeee', 'blog-slow-1', queued);
    const due = nextDue([waiting], now, new Map([['blog-slow-1', now + 7_000]]), () => false);
    expect(due).toEqual({ ready: [], wakeAt: now + 7_000 });
  });

  it('counts queued, sending and retrying entries as pending; done, needs-you and cancelled not', () => {
    const states: readonly [OutboxEntryState, boolean][] = [
      [queued, true],
      [{ state: 'sending', startedAt: '2026-01-01T10:00:00.000Z' }, true],
      [{ state: 'retrying', at: '2026-01-01T10:00:00.000Z', reason: 'x' }, true],
      [{ state: 'done', at: '2026-01-01T10:00:00.000Z' }, false],
      [{ state: 'needs-you', reason: 'x', cause: 'other', conflict: null }, false],
      [{ state: 'cancelled', at: '2026-01-01T10:00:00.000Z', reason: null }, false],
    ];
    for (const [state, pending] of states) expect(isPending(entry('draft-ffff', 'blog-one-1', state))).toBe(pending);
  });
});
