import { describe, expect, it } from 'vitest';
import { outboxNotices } from '../../../electron/core/shell/outboxNotices';
import type { OutboxEntry, OutboxEntryState } from '../../../shared/model/outbox';

function entry(id: string, state: OutboxEntryState): OutboxEntry {
  return {
    schemaVersion: 3,
    id,
    sequence: 0,
    draftId: 'draft-000001',
    accountId: 'account-0001',
    action: 'publish',
    schedule: { status: 'publish' },
    identity: 'a-post-abc123',
    remote: null,
    mayExist: false,
    force: false,
    attempts: 1,
    interruptions: 0,
    createdAt: '2026-11-24T10:00:00.000Z',
    state,
  };
}

const at = '2026-11-24T10:05:00.000Z';

describe('outbox notices', () => {
  it('tells when the last queued posts went out, once', () => {
    const before = [
      entry('entry-0001', { state: 'queued' }),
      entry('entry-0002', { state: 'retrying', at, reason: 'offline' }),
    ];
    const halfway = [
      entry('entry-0001', { state: 'done', at }),
      entry('entry-0002', { state: 'retrying', at, reason: 'offline' }),
    ];
    const after = [entry('entry-0001', { state: 'done', at }), entry('entry-0002', { state: 'done', at })];
    expect(outboxNotices(before, halfway)).toEqual([]);
    expect(outboxNotices(halfway, after)).toEqual([
      { title: 'Your queued post went out', body: 'Everything in the outbox is published.' },
    ]);
    expect(outboxNotices(before, after)[0]?.title).toBe('Your 2 queued posts went out');
    expect(outboxNotices(after, after)).toEqual([]);
  });

  it('tells when a post needs the writer, and says when it is a conflict', () => {
    const before = [entry('entry-0001', { state: 'queued' }), entry('entry-0002', { state: 'queued' })];
    const after = [
      entry('entry-0001', {
        state: 'needs-you',
        reason: 'The blog refused the password.',
        cause: 'credentials',
        conflict: null,
      }),
      entry('entry-0002', {
        state: 'needs-you',
        reason: 'Edited on the blog.',
        cause: 'other',
        conflict: { remoteModifiedAt: at },
      }),
    ];
    expect(outboxNotices(before, after)).toEqual([
      { title: 'A post needs you', body: 'The blog refused the password.' },
      { title: 'A post was edited on the blog too', body: 'Edited on the blog.' },
    ]);
    expect(outboxNotices(after, after)).toEqual([]);
  });
});
