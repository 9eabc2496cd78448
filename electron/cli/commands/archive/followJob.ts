import { randomUUID } from 'node:crypto';
import type { ArchiveProgress } from '../../../../shared/model/archive';
import type { ServicesContext } from '../../context';

/** Runs a job with its progress on standard error; Ctrl-C cancels it at the next draft. */
export async function followJob<T>(context: ServicesContext, start: (jobId: string) => Promise<T>): Promise<T> {
  const jobId = randomUUID();
  let lastShown = -1;
  const stopListening = context.services.events.subscribe((event) => {
    if (event.type !== 'archive-progress' || event.jobId !== jobId) return;
    const shown = progressLine(event.progress);
    const tenth = event.progress.total ? Math.floor((event.progress.done / event.progress.total) * 10) : -1;
    if (tenth !== lastShown) process.stderr.write(`${shown}\n`);
    lastShown = tenth;
  });
  const cancel = (): void => {
    process.stderr.write('Stopping at the next draft…\n');
    void context.call('cancelArchiveJob', { jobId });
  };
  process.once('SIGINT', cancel);
  try {
    return await start(jobId);
  } finally {
    process.removeListener('SIGINT', cancel);
    stopListening();
  }
}

function progressLine(progress: ArchiveProgress): string {
  const verb = { checking: 'Checking', importing: 'Importing', exporting: 'Exporting' }[progress.phase];
  if (progress.total === null || progress.total === 0) return `${verb}…`;
  // The check counts what it has read (bytes of a WordPress , or files): a share says it plainly.
  return progress.phase === 'checking'
    ? `${verb}: ${Math.floor((progress.done / progress.total) * 100)}%`
    : `${verb}: ${progress.done} of ${progress.total}`;
}
