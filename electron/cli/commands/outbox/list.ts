import type { ServicesContext } from '../../context';

/** `outbox list`: every remote write waiting, under way or recently finished. */
export async function run(context: ServicesContext, options: { json?: boolean }): Promise<void> {
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
