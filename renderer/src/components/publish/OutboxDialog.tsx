import { useEffect, useRef, useState } from 'react';
import type { Account } from '../../../../shared/model/account';
import type { OutboxEntry } from '../../../../shared/model/outbox';
import { api } from '../../api';
import { relativeTime } from '../../format/relativeTime';

interface OutboxDialogProps {
  /** Every entry, as the outbox announced it. */
  readonly entries: ReadonlyMap<string, OutboxEntry>;
  readonly accounts: readonly Account[];
  readonly titleOf: (draftId: string) => string;
  /** Opens the blog's settings: the remedy for credentials it refused. */
  readonly onOpenSettings: (accountId: string) => void;
  /** Opens the draft's publish panel: the remedy for an entry whose blog was removed. */
  readonly onChooseAnotherBlog: (draftId: string) => void;
  readonly onClose: () => void;
}

function describe(entry: OutboxEntry): string {
  switch (entry.state.state) {
    case 'queued':
      return 'Waiting to go out';
    case 'sending':
      return 'Sending…';
    case 'retrying':
      return `Trying again ${relativeTime(entry.state.at)}: ${entry.state.reason}`;
    case 'done':
      return `Done ${relativeTime(entry.state.at)}`;
    case 'needs-you':
      return `Needs you: ${entry.state.reason}`;
    case 'cancelled':
      return 'Cancelled';
  }
}

/** Every remote write waiting, under way or recently finished, with retry and cancel. */
export function OutboxDialog({
  entries: byId,
  accounts,
  titleOf,
  onOpenSettings,
  onChooseAnotherBlog,
  onClose,
}: OutboxDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const entries = [...byId.values()].sort((a, b) => a.sequence - b.sequence);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function act(call: Promise<{ ok: boolean; error?: { message: string } }>): Promise<void> {
    const result = await call;
    setProblem(result.ok ? null : (result.error?.message ?? 'That did not work.'));
  }

  const blogName = (id: string) => accounts.find((account) => account.id === id)?.blogName ?? id;
  return (
    <dialog ref={dialog} className="outbox-dialog" aria-label="Outbox" onClose={onClose}>
      <h2>Outbox</h2>
      {problem && <p role="alert">{problem}</p>}
      {entries.length === 0 ? (
        <p className="empty">Nothing is waiting to go out.</p>
      ) : (
        <ul className="outbox-list" aria-label="Outbox entries">
          {entries.map((entry) => {
            const pending = ['queued', 'retrying', 'needs-you'].includes(entry.state.state);
            const cause = entry.state.state === 'needs-you' ? entry.state.cause : null;
            return (
              <li key={entry.id}>
                <span>
                  <strong>{titleOf(entry.draftId)}</strong> {entry.action === 'delete' ? 'removed from' : 'to'}{' '}
                  {blogName(entry.accountId)} — {describe(entry)}
                </span>
                {pending && (
                  <span className="outbox-actions">
                    {cause === 'credentials' && (
                      <button type="button" onClick={() => onOpenSettings(entry.accountId)}>
                        Open the blog’s settings
                      </button>
                    )}
                    {/* A removed blog never comes back by retrying: the post can go to another. */}
                    {cause === 'blog-removed' ? (
                      <button type="button" onClick={() => onChooseAnotherBlog(entry.draftId)}>
                        Choose another blog
                      </button>
                    ) : (
                      <button type="button" onClick={() => void act(api.retryOutboxEntry({ entryId: entry.id }))}>
                        Retry now
                      </button>
                    )}
                    <button type="button" onClick={() => void act(api.cancelOutboxEntry({ entryId: entry.id }))}>
                      Cancel
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
