import { useState } from 'react';
import type { LibraryNotice } from '../../../shared/model/notice';

/** What went wrong just now, and what the library did on the writer's behalf since it opened. */
export function Messages({ problem, notices }: { problem: string | null; notices: readonly LibraryNotice[] }) {
  const [dismissed, setDismissed] = useState<ReadonlySet<LibraryNotice>>(new Set());
  return (
    <>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      {notices
        .filter((notice) => !dismissed.has(notice))
        .map((notice) => (
          <p key={`${notice.draftId}-${notice.at}`} role="alert" className="notice">
            {notice.message}
            <button type="button" onClick={() => setDismissed(new Set(dismissed).add(notice))}>
              Dismiss
            </button>
          </p>
        ))}
    </>
  );
}
