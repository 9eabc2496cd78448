import { useEffect, useRef, useState } from 'react';
import type { Account } from '../../../../shared/model/account';
import type { DraftContent, DraftView } from '../../../../shared/model/draft';
import type { RevisionSummary } from '../../../../shared/model/library';
import { api } from '../../api';
import { relativeTime } from '../../format/relativeTime';
import { RevisionDiff } from './RevisionDiff';

interface HistoryDialogProps {
  readonly draftId: string;
  /** Saves the editor's pending edits first, so they are kept in the history, not lost. */
  readonly beforeRestore: () => Promise<boolean>;
  /** Called with the draft as restored: the editor reopens it. */
  readonly onRestored: (draft: DraftView) => void;
  readonly onClose: () => void;
  /** The blogs, to name the one a version was published to. */
  readonly accounts: readonly Account[];
}

/** The draft's earlier versions; restoring one keeps the current version in the history too. */
export function HistoryDialog({ draftId, beforeRestore, onRestored, onClose, accounts }: HistoryDialogProps) {
  const blogName = (accountId: string) =>
    accounts.find((account) => account.id === accountId)?.blogName ?? 'a blog since removed';
  const dialog = useRef<HTMLDialogElement>(null);
  const [revisions, setRevisions] = useState<readonly RevisionSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** The version being compared with the draft before it is restored. */
  const [comparing, setComparing] = useState<{
    readonly revision: RevisionSummary;
    readonly current: DraftContent;
    readonly earlier: DraftContent;
  } | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    void api.listRevisions({ id: draftId }).then((result) => {
      if (result.ok) setRevisions(result.value);
      else setProblem(result.error.message);
    });
  }, [draftId]);

  /** Shows what restoring would change; the pending edits are saved first, to compare with them. */
  async function compare(revision: RevisionSummary): Promise<void> {
    if (!(await beforeRestore())) {
      setProblem('Your latest edits could not be saved, so nothing can be compared or restored.');
      return;
    }
    const [current, earlier] = await Promise.all([
      api.getDraft({ id: draftId }),
      api.getRevision({ id: draftId, revision: revision.revision }),
    ]);
    if (!current.ok || !earlier.ok) {
      setProblem(current.ok ? (earlier.ok ? null : earlier.error.message) : current.error.message);
      return;
    }
    setComparing({ revision, current: current.value, earlier: earlier.value });
  }

  async function restore(revision: number): Promise<void> {
    if (!(await beforeRestore())) {
      setProblem('Your latest edits could not be saved, so nothing was restored.');
      return;
    }
    const result = await api.restoreRevision({ id: draftId, revision });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    onRestored(result.value);
    dialog.current?.close();
  }

  return (
    <dialog ref={dialog} className="history-dialog" aria-label="Earlier versions" onClose={onClose}>
      <h2>Earlier versions</h2>
      {problem && <p role="alert">{problem}</p>}
      {revisions?.length === 0 && (
        <p className="empty">No earlier version is kept yet: one is kept per editing spell.</p>
      )}
      {comparing && (
        <div className="revision-compare">
          <p>
            Restoring the version from {relativeTime(comparing.revision.savedAt)} changes the draft so (the draft as it
            is now stays in the history):
          </p>
          <RevisionDiff current={comparing.current} earlier={comparing.earlier} />
          <button type="button" onClick={() => void restore(comparing.revision.revision)}>
            Restore this version
          </button>{' '}
          <button type="button" onClick={() => setComparing(null)}>
            Back to the versions
          </button>
        </div>
      )}
      {!comparing && revisions && revisions.length > 0 && (
        <ul className="revision-list" aria-label="Versions">
          {revisions.map((revision) => (
            <li key={revision.revision}>
              <span>
                <strong>{revision.title || 'Untitled'}</strong> — {revision.words} words,{' '}
                <time dateTime={revision.savedAt}>{relativeTime(revision.savedAt)}</time>
                {revision.publishedTo && (
                  <span className="revision-label"> · Published to {blogName(revision.publishedTo)}</span>
                )}
              </span>
              <button type="button" onClick={() => void compare(revision)}>
                Compare and restore…
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
