import { useState } from 'react';
import type { Account } from '../../../../shared/model/account';
import type { ThemeSnapshotInfo } from '../../../../shared/model/themeSnapshot';
import { relativeTime } from '../../format/relativeTime';

interface ThemeSnapshotControlProps {
  readonly account: Account;
  readonly info: ThemeSnapshotInfo | undefined;
  readonly take: (accountId: string) => Promise<{ ok: true } | { ok: false; reason: string }>;
  readonly onProblem: (message: string) => void;
}

/** When the blog's theme was captured for the themed preview, and a button to capture it again. */
export function ThemeSnapshotControl({ account, info, take, onProblem }: ThemeSnapshotControlProps) {
  const [taking, setTaking] = useState(false);
  async function refresh(): Promise<void> {
    setTaking(true);
    const result = await take(account.id);
    setTaking(false);
    if (!result.ok) onProblem(result.reason);
  }
  return (
    <span className="theme-snapshot">
      <span title={info ? `Taken from ${info.postUrl}` : undefined}>
        {info ? (
          <>
            Theme taken <time dateTime={info.takenAt}>{relativeTime(info.takenAt)}</time>
          </>
        ) : (
          'No theme snapshot yet'
        )}
      </span>
      <button
        type="button"
        disabled={taking}
        onClick={() => void refresh()}
        aria-label={`Refresh the theme snapshot of ${account.blogName}`}
        title="Capture the blog's theme again from one of its posts, for the preview as on the blog"
      >
        {taking ? 'Taking…' : 'Refresh theme'}
      </button>
    </span>
  );
}
