import type { OutboxEntry } from '../../../shared/model/outbox';

/** A desktop notification to show, in plain words. */
export interface OutboxNotice {
  readonly title: string;
  readonly body: string;
}

function pending(entry: OutboxEntry): boolean {
  return ['queued', 'sending', 'retrying'].includes(entry.state.state);
}

/**
 * What the writer should hear about, comparing the outbox before and after a change: an entry
 * that now needs them (each one), and the moment the last queued post went out. Pure, so the
 * Electron host only shows what this returns.
 */
export function outboxNotices(before: readonly OutboxEntry[], after: readonly OutboxEntry[]): OutboxNotice[] {
  const earlier = new Map(before.map((entry) => [entry.id, entry]));
  const notices: OutboxNotice[] = [];
  for (const entry of after) {
    const previous = earlier.get(entry.id);
    if (entry.state.state === 'needs-you' && previous?.state.state !== 'needs-you') {
      notices.push({
        title: entry.state.conflict ? 'A post was edited on the blog too' : 'A post needs you',
        body: entry.state.reason,
      });
    }
  }
  const wasWaiting = before.filter(pending);
  const nowWaiting = after.filter(pending);
  const sent = wasWaiting.filter((entry) => after.find((each) => each.id === entry.id)?.state.state === 'done');
  if (wasWaiting.length > 0 && nowWaiting.length === 0 && sent.length > 0) {
    notices.push({
      title: sent.length === 1 ? 'Your queued post went out' : `Your ${sent.length} queued posts went out`,
      body: 'Everything in the outbox is published.',
    });
  }
  return notices;
}
