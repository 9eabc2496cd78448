import { useEffect, useState } from 'react';
import type { LibraryNotice } from '../../../shared/model/notice';
import { api } from '../api';

/** What went wrong just now, and what the library did on the writer's behalf since it opened. */
export function Messages({ problem }: { problem: string | null }) {
  const [notices, setNotices] = useState<readonly LibraryNotice[]>([]);
  useEffect(() => {
    void api.listNotices({}).then((result) => result.ok && setNotices(result.value));
  }, []);
  return (
    <>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      {notices.map((notice) => (
        <p key={`${notice.draftId}-${notice.at}`} role="alert" className="notice">
          {notice.message}
          <button type="button" onClick={() => setNotices(notices.filter((shown) => shown !== notice))}>
            Dismiss
          </button>
        </p>
      ))}
    </>
  );
}
