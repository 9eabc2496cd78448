import type { OutboxSchedule } from '../../../shared/model/outbox';
import { AppError } from '../../../shared/result';
import type { CliContext } from '../context';

export interface PublishOptions {
  readonly to: string;
  readonly status: 'publish' | 'draft' | 'future';
  readonly date?: string;
  readonly json?: boolean;
}

function scheduleOf(options: PublishOptions): OutboxSchedule {
  if (options.status !== 'future') {
    if (options.date !== undefined) throw new AppError('invalid-input', '--date goes with --status future.');
    return { status: options.status };
  }
  const date = options.date === undefined ? NaN : Date.parse(options.date);
  if (Number.isNaN(date))
    throw new AppError('invalid-input', 'A "future" post needs --date with an ISO 8601 date and time.');
  return { status: 'future', date: new Date(date).toISOString() };
}

/**
 * Publishes through the outbox. Exit 0 when the post is on the blog or safely queued (the JSON
 * says which); exit 1 (an AppError) when the writer must act.
 */
export async function publishDraft(context: CliContext, id: string, options: PublishOptions): Promise<void> {
  const [result] = await context.call('publishDraft', {
    draftId: id,
    accountIds: [options.to],
    schedule: scheduleOf(options),
  });
  if (!result) throw new AppError('internal', 'Publishing gave no answer.');
  const { outcome } = result;
  if (options.json) context.out(JSON.stringify({ accountId: result.accountId, ...outcome }));
  if (outcome.kind === 'needs-you') throw new AppError('unauthorized', outcome.reason);
  if (options.json) return;
  if (outcome.kind === 'published') context.out(`Published: ${outcome.url}`);
  else
    context.out(
      `Queued: ${outcome.reason} It will be sent ${outcome.nextAttemptAt ? `at ${outcome.nextAttemptAt}` : 'when the blog can be reached'}.`,
    );
}

export async function listOutbox(context: CliContext, options: { json?: boolean }): Promise<void> {
  const entries = await context.call('listOutbox', {});
  if (options.json) {
    context.out(JSON.stringify(entries));
    return;
  }
  if (entries.length === 0) context.out('The outbox is empty.');
  for (const entry of entries) {
    const state = entry.state.state === 'retrying' ? `retrying at ${entry.state.at}` : entry.state.state;
    context.out(`${entry.id}  ${entry.action.padEnd(7)}  draft ${entry.draftId} → ${entry.accountId}  ${state}`);
  }
}

/** Tries every pending entry once; exit 0 only when nothing is left pending (entries that need the writer are not pending). */
export async function drainOutbox(context: CliContext, options: { json?: boolean }): Promise<void> {
  const report = await context.call('drainOutbox', {});
  if (options.json) context.out(JSON.stringify(report));
  else {
    for (const tried of report.tried)
      context.out(`${tried.entryId}  draft ${tried.draftId} → ${tried.accountId}  ${tried.state.state}`);
    context.out(`${report.done} sent, ${report.needsYou} need you, ${report.pending} still pending.`);
  }
  if (report.pending > 0 || report.needsYou > 0) {
    throw new AppError(
      'unavailable',
      `${report.pending + report.needsYou} outbox entr${report.pending + report.needsYou === 1 ? 'y is' : 'ies are'} not sent yet.`,
    );
  }
}
