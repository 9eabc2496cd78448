import type { NeedsYouCause } from '../../../shared/model/draft';
import type { OutboxSchedule } from '../../../shared/model/outbox';
import { AppError, type ErrorKind } from '../../../shared/result';
import type { ServicesContext } from '../context';

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

/** What the writer has to do, as the kind of error the command ends with. */
const errorOfCause: Readonly<Record<NeedsYouCause, ErrorKind>> = {
  credentials: 'unauthorized',
  'blog-removed': 'not-found',
  other: 'invalid-input',
};

/**
 * `publish ID --to ACCOUNT`, through the outbox. Exit 0 when the post is on the blog or safely
 * queued (the JSON says which); exit 1 (an AppError) when the writer must act.
 */
export async function run(context: ServicesContext, id: string, options: PublishOptions): Promise<void> {
  const [result] = await context.call('publishDraft', {
    draftId: id,
    accountIds: [options.to],
    schedule: scheduleOf(options),
  });
  if (!result) throw new AppError('internal', 'Publishing gave no answer.');
  const { outcome } = result;
  if (options.json) context.out(JSON.stringify({ accountId: result.accountId, ...outcome }));
  if (outcome.kind === 'needs-you') throw new AppError(errorOfCause[outcome.cause], outcome.reason);
  if (options.json) return;
  if (outcome.kind === 'published') context.out(`Published: ${outcome.url}`);
  else
    context.out(
      `Queued: ${outcome.reason} It will be sent ${outcome.nextAttemptAt ? `at ${outcome.nextAttemptAt}` : 'when the blog can be reached'}.`,
    );
}
