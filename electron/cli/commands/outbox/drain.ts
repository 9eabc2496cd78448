import { AppError } from '../../../../shared/result';
import type { ServicesContext } from '../../context';

/**
 * `outbox drain`: tries every pending entry once; exit 0 only when nothing is left pending
 * (entries that need the writer are not pending).
 */
export async function run(context: ServicesContext, options: { json?: boolean }): Promise<void> {
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
