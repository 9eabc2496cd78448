import { useState, type SubmitEvent } from 'react';
import type { ExportFormat, ExportReport } from '../../../../shared/model/archive';
import { api } from '../../api';
import { useArchiveJob } from '../../state/useArchiveJob';
import { ArchiveProgressBar } from './ArchiveProgressBar';
import { plural } from './plural';
import { PathField } from '../PathField';

/** Export: where to, in which format, everything or the open draft. */
export function ExportForm({ currentDraftId }: { readonly currentDraftId: string | null }) {
  const [folder, setFolder] = useState('');
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [scope, setScope] = useState<'all' | 'current'>('all');
  const job = useArchiveJob<ExportReport>();

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const draftIds = scope === 'current' && currentDraftId !== null ? [currentDraftId] : null;
    void job.start((jobId) => api.exportLibrary({ jobId, folder: folder.trim(), format, draftIds }));
  }

  return (
    <form className="archive-form" aria-label="Export" onSubmit={submit}>
      <PathField
        label="Folder to export to (empty, or an earlier export)"
        value={folder}
        onChange={setFolder}
        choosers={[{ purpose: 'export-folder', label: 'Choose folder…' }]}
      />
      <fieldset>
        <legend>Each draft as</legend>
        <label>
          <input type="radio" name="format" checked={format === 'markdown'} onChange={() => setFormat('markdown')} />
          Markdown with front matter (imports back exactly)
        </label>
        <label>
          <input type="radio" name="format" checked={format === 'html'} onChange={() => setFormat('html')} />
          HTML, as the preview shows it
        </label>
      </fieldset>
      <fieldset>
        <legend>Drafts</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          All drafts (not the trash)
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            checked={scope === 'current'}
            disabled={currentDraftId === null}
            onChange={() => setScope('current')}
          />
          Only the open draft
        </label>
      </fieldset>
      {job.state.kind === 'running' ? (
        <ArchiveProgressBar progress={job.state.progress} onCancel={job.cancel} />
      ) : (
        <button type="submit">Export</button>
      )}
      {job.state.kind === 'done' && <ExportDone report={job.state.value} />}
      {job.state.kind === 'failed' && (
        <p role="alert" className="problem">
          {job.state.message}
        </p>
      )}
    </form>
  );
}

function ExportDone({ report }: { readonly report: ExportReport }) {
  const images = report.images > 0 ? ` and ${plural(report.images, 'image')}` : '';
  const missing = report.missingImages.length;
  return (
    <p role="status" className="done">
      Exported {plural(report.written, 'draft')}
      {images} to {report.folder}; its README.md says what is where.
      {missing > 0 &&
        ` ${missing === 1 ? 'An image' : `${missing} images`} the drafts use ${missing === 1 ? 'is' : 'are'} missing from the library, so the export does not hold ${missing === 1 ? 'it' : 'them'}: ${report.missingImages.join(', ')}.`}
    </p>
  );
}
