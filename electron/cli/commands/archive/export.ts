import path from 'node:path';
import type { ExportFormat } from '../../../../shared/model/archive';
import type { ServicesContext } from '../../context';
import { followJob } from './followJob';

export interface ExportOptions {
  readonly to: string;
  readonly format: ExportFormat;
  /** Draft ids, separated by commas. */
  readonly drafts?: string;
  readonly json?: boolean;
}

/** `export`: the library (or the drafts named) to a folder, one file per draft. */
export async function run(context: ServicesContext, options: ExportOptions): Promise<void> {
  const draftIds =
    options.drafts === undefined
      ? null
      : options.drafts
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== '');
  const report = await followJob(context, (jobId) =>
    context.call('exportLibrary', { jobId, folder: path.resolve(options.to), format: options.format, draftIds }),
  );
  if (options.json) {
    context.out(JSON.stringify(report));
    return;
  }
  const images = report.images > 0 ? ` and ${report.images} image${report.images === 1 ? '' : 's'}` : '';
  context.out(
    `Exported ${report.written} draft${report.written === 1 ? '' : 's'}${images} to ${report.folder} (see its README.md).`,
  );
  if (report.missingImages.length > 0)
    context.out(
      `Images the drafts use that the library lacks (named in the files all the same): ${report.missingImages.join(', ')}.`,
    );
}
