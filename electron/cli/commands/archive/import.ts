import path from 'node:path';
import type { ImportReport } from '../../../../shared/model/archive';
import type { ServicesContext } from '../../context';
import { followJob } from './followJob';

export interface ImportOptions {
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/** `import`: a WordPress export, a folder of Markdown or one Markdown file, as drafts. */
export async function run(context: ServicesContext, input: string, options: ImportOptions): Promise<void> {
  const report = await followJob(context, (jobId) =>
    context.call('importArchive', { jobId, path: path.resolve(input), dryRun: options.dryRun === true }),
  );
  if (options.json) context.out(JSON.stringify(report));
  else for (const line of summary(report)) context.out(line);
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
  if (report.missingImages.length > 0)
    lines.push(`Images the drafts use that the export does not hold: ${report.missingImages.join(', ')}.`);
  return lines;
}
