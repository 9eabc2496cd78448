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
  if (options.json) context.out(JSON.stringify(report));
  else
    context.out(
      `Exported ${report.written} draft${report.written === 1 ? '' : 's'} to ${report.folder} (see its README.md).`,
    );
}
