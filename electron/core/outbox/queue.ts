import type { OutboxEntry } from '../../../shared/model/outbox';

/** The post an entry writes: one draft on one blog. Entries of one post go out in order. */
export function postKey(entry: { readonly draftId: string; readonly accountId: string }): string {
  return `${entry.accountId}/${entry.draftId}`;
}

/** Still to go out: waiting, being sent, or waiting for its next attempt. */
export function isPending(entry: OutboxEntry): boolean {
  return entry.state.state === 'queued' || entry.state.state === 'sending' || entry.state.state === 'retrying';
}

/** True when an earlier entry of the same post must go out first. */
export function pendingBefore(entries: readonly OutboxEntry[], entry: OutboxEntry): boolean {
  return entries.some(
    (other) => other.sequence < entry.sequence && postKey(other) === postKey(entry) && isPending(other),
  );
}

/**
 * What the background drain starts now, and when it should look again: for each blog that is
 * idle and not asked to wait, its oldest due entry whose post has nothing earlier pending.
 */
export function nextDue(
  entries: readonly OutboxEntry[],
  now: number,
  pausedUntil: ReadonlyMap<string, number>,
  busy: (accountId: string) => boolean,
): { readonly ready: OutboxEntry[]; readonly wakeAt: number | null } {
  const ready: OutboxEntry[] = [];
  const postsSeen = new Set<string>();
  const accountsTaken = new Set<string>();
  let wakeAt: number | null = null;
  for (const entry of [...entries].sort((a, b) => a.sequence - b.sequence)) {
    if (!isPending(entry)) continue;
    const key = postKey(entry);
    if (postsSeen.has(key)) continue;
    postsSeen.add(key);
    if (entry.state.state === 'sending') continue;
    const retryAt = entry.state.state === 'retrying' ? Date.parse(entry.state.at) : now;
    const dueAt = Math.max(retryAt, pausedUntil.get(entry.accountId) ?? 0);
    if (dueAt > now) {
      wakeAt = wakeAt === null ? dueAt : Math.min(wakeAt, dueAt);
      continue;
    }
    // A busy blog is pumped again when its attempt finishes.
    if (busy(entry.accountId) || accountsTaken.has(entry.accountId)) continue;
    accountsTaken.add(entry.accountId);
    ready.push(entry);
  }
  return { ready, wakeAt };
}
