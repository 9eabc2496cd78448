import { useEffect, useState } from 'react';
import type { Account } from '../../../../shared/model/account';
import type { PublishState, PublishTargets } from '../../../../shared/model/draft';
import type { OutboxSchedule, PublishOutcome } from '../../../../shared/model/outbox';
import { api } from '../../api';
import { useLibraryState } from '../../state/useLibraryStore';
import { ConflictView } from './ConflictView';

interface PublishPanelProps {
  readonly draftId: string;
  readonly accounts: readonly Account[];
  /** Saves what the writer typed, so what goes out is what the preview shows. */
  readonly flush: () => Promise<boolean>;
  readonly onManageBlogs: () => void;
  /** The draft's content was replaced by the blog's version: the desk must show it. */
  readonly onReplaced: () => void;
}

type When = 'publish' | 'draft' | 'future';

interface TargetMessage {
  readonly text: string;
  readonly state: PublishState['state'] | undefined;
}

const stateLabels: Readonly<Record<PublishState['state'], string>> = {
  'not-published': 'Not published',
  queued: 'Queued: goes out when the blog can be reached',
  sending: 'Sending…',
  published: 'Published',
  'changed-since-publish': 'Changed since publish',
  'needs-you': 'Needs you',
  conflict: 'Edited on the blog and here',
};

function describeOutcome(outcome: PublishOutcome): string {
  if (outcome.kind === 'published') return 'Published.';
  if (outcome.kind === 'queued') return `Queued: ${outcome.reason}`;
  return outcome.reason;
}

const noTargets: PublishTargets = {};

/** Publish (or update) the draft on one or several blogs, and see where it stands on each. */
export function PublishPanel({ draftId, accounts, flush, onManageBlogs, onReplaced }: PublishPanelProps) {
  // Where the draft stands on each blog: joined in when it was opened, then kept by the core's events.
  const targets = useLibraryState().targets.get(draftId) ?? noTargets;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [when, setWhen] = useState<When>('publish');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** What the last publish said for each blog, and the state it said it in: it goes once that state does. */
  const [messages, setMessages] = useState<Readonly<Record<string, TargetMessage>>>({});
  const [conflictWith, setConflictWith] = useState<string | null>(null);

  useEffect(() => {
    if (chosen.size === 0) {
      const linked = Object.keys(targets).filter((id) => accounts.some((account) => account.id === id));
      const first = accounts[0];
      setChosen(new Set(linked.length > 0 ? linked : first && accounts.length === 1 ? [first.id] : []));
    }
  }, [targets, accounts, chosen.size]);

  function schedule(): OutboxSchedule | null {
    if (when !== 'future') return { status: when };
    const time = Date.parse(date);
    return Number.isNaN(time) ? null : { status: 'future', date: new Date(time).toISOString() };
  }

  async function publish(): Promise<void> {
    const chosenSchedule = schedule();
    if (!chosenSchedule) {
      setProblem('Choose the date and time the post should go live.');
      return;
    }
    setBusy(true);
    setMessages({});
    setProblem(null);
    if (!(await flush())) {
      setBusy(false);
      setProblem('The draft could not be saved, so nothing was published. Fix the save problem first.');
      return;
    }
    const result = await api.publishDraft({ draftId, accountIds: [...chosen], schedule: chosenSchedule });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setMessages(
      Object.fromEntries(
        result.value.map(({ accountId, outcome }) => [
          accountId,
          { text: describeOutcome(outcome), state: outcome.kind },
        ]),
      ),
    );
  }

  if (accounts.length === 0) {
    return (
      <section className="publish-panel" aria-label="Publish">
        <p>Add a blog to publish this post.</p>
        <button type="button" onClick={onManageBlogs}>
          Add a blog…
        </button>
      </section>
    );
  }

  const anyPublished = Object.values(targets).some((state) => 'remoteId' in state);
  return (
    <section className="publish-panel" aria-label="Publish">
      <fieldset>
        <legend>Blogs</legend>
        {accounts.map((account) => {
          const state = targets[account.id];
          const message = messages[account.id];
          return (
            <div key={account.id} className="publish-target">
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(account.id)}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if (event.target.checked) next.add(account.id);
                    else next.delete(account.id);
                    setChosen(next);
                  }}
                />
                {account.blogName}
              </label>
              <span className="target-state" aria-label={`State on ${account.blogName}`}>
                {state ? stateLabels[state.state] : stateLabels['not-published']}
                {state && 'url' in state && (
                  <>
                    {' '}
                    <a href={state.url} target="_blank" rel="noreferrer">
                      View post
                    </a>
                  </>
                )}
                {state?.state === 'needs-you' && (
                  <>
                    {' '}
                    — {state.reason}{' '}
                    {/* Most of what a blog needs from the writer is set there: the password, the address. */}
                    <button type="button" onClick={onManageBlogs}>
                      Open the blog’s settings
                    </button>
                  </>
                )}
                {state?.state === 'conflict' && (
                  <button type="button" onClick={() => setConflictWith(account.id)}>
                    Compare and choose…
                  </button>
                )}
              </span>
              {message && message.state === state?.state && (
                <p role="status" className="target-message">
                  {message.text}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <fieldset className="publish-when">
        <legend>When</legend>
        {(['publish', 'draft', 'future'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="when" checked={when === option} onChange={() => setWhen(option)} />
            {option === 'publish' ? 'Now' : option === 'draft' ? 'As a draft on the blog' : 'At a set time'}
          </label>
        ))}
        {when === 'future' && (
          <input
            type="datetime-local"
            aria-label="Publication time"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        )}
      </fieldset>
      <button
        type="button"
        className="publish-button"
        disabled={busy || chosen.size === 0}
        onClick={() => void publish()}
      >
        {busy ? 'Publishing…' : anyPublished ? 'Publish changes' : 'Publish'}
      </button>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      {conflictWith && (
        <ConflictView
          draftId={draftId}
          accountId={conflictWith}
          flush={flush}
          onTakenTheirs={onReplaced}
          onDone={() => setConflictWith(null)}
        />
      )}
    </section>
  );
}
