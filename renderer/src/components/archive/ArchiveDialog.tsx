import { useEffect, useRef, useState } from 'react';
import { ExportForm } from './ExportForm';
import { ImportForm } from './ImportForm';

export type ArchiveMode = 'export' | 'import';

/** Export the library, or import a blog's archive: one dialog, the two as tabs. */
export function ArchiveDialog({
  initialMode,
  currentDraftId,
  onClose,
}: {
  readonly initialMode: ArchiveMode;
  readonly currentDraftId: string | null;
  readonly onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<ArchiveMode>(initialMode);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="archive-dialog" aria-label="Export and import" onClose={onClose}>
      <h2>Your archive</h2>
      <div role="tablist" aria-label="Export or import" className="archive-tabs">
        {(['export', 'import'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`archive-tab-${tab}`}
            aria-selected={mode === tab}
            aria-controls={`archive-panel-${tab}`}
            onClick={() => setMode(tab)}
          >
            {tab === 'export' ? 'Export the library' : 'Import'}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`archive-panel-${mode}`} aria-labelledby={`archive-tab-${mode}`}>
        {mode === 'export' ? <ExportForm currentDraftId={currentDraftId} /> : <ImportForm />}
      </div>
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
