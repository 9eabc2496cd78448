import { useState, type SubmitEvent } from 'react';
import type { ImportReport } from '../../../../shared/model/archive';
import { api } from '../../api';
import { useArchiveJob } from '../../state/useArchiveJob';
import { ArchiveProgressBar } from './ArchiveProgressBar';
import { plural } from './plural';
import { PathField } from '../PathField';

/** What an import did or would do, in the writer's words. */
function reportLines(report: ImportReport): string[] {
  const lines = [
    `${report.dryRun ? 'Would import' : 'Imported'} ${plural(report.created, 'new draft')}${report.alreadyHere > 0 ? `; ${report.alreadyHere} already here, left as they are` : ''}.`,
  ];
  for (const link of report.linked)
    lines.push(`Linked to ${link.blogName}: ${plural(link.posts, 'post')}, so updates go to the same posts.`);
  if (report.quotesRecognised > 0)
    lines.push(`${plural(report.quotesRecognised, 'quote')} recognised with their sources.`);
  for (const skipped of report.skipped) lines.push(`Not imported: ${skipped.count} ${skipped.what}.`);
  if (report.ignoredFields.length > 0)
    lines.push(`Front matter fields not imported: ${report.ignoredFields.join(', ')}.`);
  if (report.missingImages.length > 0)
    lines.push(
      `Images the drafts use that the export does not hold (the library it came from lacked them too): ${report.missingImages.join(', ')}.`,
    );
  return lines;
}

/** Import: a WordPress export or Markdown; check first, then import, with progress and Cancel. */
export function ImportForm() {
  const [input, setInput] = useState('');
  const job = useArchiveJob<ImportReport>();

  async function run(dryRun: boolean): Promise<void> {
    // The drafts it makes reach the library's store as the core announces them.
    await job.start((jobId) => api.importArchive({ jobId, path: input.trim(), dryRun }));
  }

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void run(false);
  }

  return (
    <form className="archive-form" aria-label="Import" onSubmit={submit}>
      <PathField
        label="A WordPress export (.xml), a folder of Markdown, or a Markdown file"
        value={input}
        onChange={setInput}
        choosers={[
          { purpose: 'import-file', label: 'Choose file…' },
          { purpose: 'import-folder', label: 'Choose folder…' },
        ]}
      />
      <p className="hint">
        The whole input is checked first: if anything in it is wrong, nothing is imported. Importing the same again
        never makes a post twice.
      </p>
      {job.state.kind === 'running' ? (
        <ArchiveProgressBar progress={job.state.progress} onCancel={job.cancel} />
      ) : (
        <div className="archive-actions">
          <button type="button" onClick={() => void run(true)} disabled={input.trim() === ''}>
            Check only
          </button>
          <button type="submit">Import</button>
        </div>
      )}
      {job.state.kind === 'done' && (
        <ul role="status" className="done archive-report" aria-label="What the import did">
          {reportLines(job.state.value).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {job.state.kind === 'failed' && (
        <p role="alert" className="problem">
          {job.state.message}
        </p>
      )}
    </form>
  );
}
