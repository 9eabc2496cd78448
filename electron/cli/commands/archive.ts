import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ArchiveProgress, ExportFormat, ImportReport } from '../../../shared/model/archive';
import type { CliContext } from '../context';

export interface ExportOptions {
  readonly to: string;
  readonly format: ExportFormat;
  /** Draft ids, separated by commas. */
  readonly drafts?: string;
  readonly json?: boolean;
}

export interface ImportOptions {
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/** Writes the library (or the drafts named) to a folder, one file per draft. */
export async function exportDrafts(context: CliContext, options: ExportOptions): Promise<void> {
  const draftIds =
    options.drafts === undefined
      ? null
      : options.drafts
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== '');
  const report = await followed(context, (jobId) =>
    context.call('exportLibrary', { jobId, folder: path.resolve(options.to), format: options.format, draftIds }),
  );
  if (options.json) context.out(JSON.stringify(report));
  else
    context.out(
      `Exported ${report.written} draft${report.written === 1 ? '' : 's'} to ${report.folder} (see its README.md).`,
    );
}

/** Imports a WordPress export, a folder of Markdown or one Markdown file. */
export async function importDrafts(context: CliContext, input: string, options: ImportOptions): Promise<void> {
  const report = await followed(context, (jobId) =>
    context.call('importArchive', { jobId, path: path.resolve(input), dryRun: options.dryRun === true }),
  );
  if (options.json) context.out(JSON.stringify(report));
  else for (const line of summary(report)) context.out(line);
}

/** Runs a job with its progress on standard error; Ctrl-C cancels it at the next draft. */
async function followed<T>(context: CliContext, start: (jobId: string) => Promise<T>): Promise<T> {
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
  // The check counts what it has read (bytes of a WordPress export, or files): a share says it plainly.
  return progress.phase === 'checking'
    ? `${verb}: ${Math.floor((progress.done / progress.total) * 100)}%`
    : `${verb}: ${progress.done} of ${progress.total}`;
}

function summary(report: ImportReport): string[] {
  const would = report.dryRun ? 'Would import' : 'Imported';
  const lines = [
    `${would} ${report.created} new draft${report.created === 1 ? '' : 's'}${report.alreadyHere > 0 ? `; ${report.alreadyHere} already here, left as they are` : ''}.`,
  ];
  for (const link of report.linked)
    lines.push(`Linked to ${link.blogName}: ${link.posts} post${link.posts === 1 ? '' : 's'}.`);
  if (report.quotesRecognised > 0) lines.push(`Quotes recognised with their sources: ${report.quotesRecognised}.`);
  for (const skipped of report.skipped) lines.push(`Not imported: ${skipped.count} ${skipped.what}.`);
  if (report.ignoredFields.length > 0)
    lines.push(`Front matter fields not imported: ${report.ignoredFields.join(', ')}.`);
  return lines;
}
