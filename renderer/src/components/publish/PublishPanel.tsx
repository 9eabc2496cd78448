import { useEffect, useState } from 'react';
import type { Account } from '../../../../shared/model/account';
import {
  postOptionsOf,
  type DraftContent,
  type PostOptions,
  type PublishState,
  type PublishTargets,
} from '../../../../shared/model/draft';
import type { OutboxSchedule, PublishOutcome } from '../../../../shared/model/outbox';
import { targetLabel } from './targetLabel';
import { api } from '../../api';
import { momentInZone } from '../../format/blogTime';
import { useBlogFeatures, type FeaturesByAccount } from '../../state/useBlogFeatures';
import { useLibraryState } from '../../state/useLibraryStore';
import { CategoryPicker } from './CategoryPicker';
import { ConflictView } from './ConflictView';
import { PostOptionsFields } from './PostOptionsFields';
import { PublishWarnings } from './PublishWarnings';
import { ScheduleFields, type When } from './ScheduleFields';

interface PublishPanelProps {
  readonly draftId: string;
  readonly accounts: readonly Account[];
  /** Saves what the writer typed, so what goes out is what the preview shows. */
  readonly flush: () => Promise<boolean>;
  /** Opens the blogs, or one blog's settings. */
  readonly onManageBlogs: (accountId?: string) => void;
  /** The draft as typed: its title makes the address, and the warnings read all of it. */
  readonly content: DraftContent;
  /** The post's options, edited here and saved with the draft like any edit. */
  readonly onOptions: (options: PostOptions) => void;
  /** Takes the day a quote's vague source date named as its publication date. */
  readonly onResolveDate: (quote: number, date: string) => void;
  /** The writer asked to publish at once: done when the draft has one usual blog; then answered. */
  readonly publishAsked: boolean;
  readonly onPublishAskAnswered: () => void;
  /** The draft's content was replaced by the blog's version: the desk must show it. */
  readonly onReplaced: () => void;
}

interface TargetMessage {
  readonly text: string;
  readonly state: PublishState['state'] | undefined;
}

function describeOutcome(outcome: PublishOutcome, schedule: OutboxSchedule): string {
  // "Published" only for what the blog shows: a draft or a scheduled post is sent, not live.
  if (outcome.kind === 'published') {
    if (schedule.status === 'draft') return 'Sent: the blog holds it as a draft.';
    if (schedule.status === 'future') return 'Sent: the blog publishes it at the time chosen.';
    return 'Published.';
  }
  if (outcome.kind === 'queued') return `Queued: ${outcome.reason}`;
  return outcome.reason;
}

const noTargets: PublishTargets = {};

/** Where a set time is read: the first chosen blog's own zone that its API tells, else the computer's. */
function scheduleZone(accounts: readonly Account[], chosen: ReadonlySet<string>, features: FeaturesByAccount) {
  for (const account of accounts) {
    if (!chosen.has(account.id)) continue;
    const found = features[account.id];
    const zone = found && 'features' in found ? found.features.timeZone : null;
    if (zone !== null) return { zone, blogName: account.blogName };
  }
  return { zone: null, blogName: null };
}

/** Whether any chosen blog keeps an excerpt, and the tightest limit among them. */
function summaryKept(accounts: readonly Account[], chosen: ReadonlySet<string>, features: FeaturesByAccount) {
  let kept = false;
  let limit: { maxCharacters: number; blogName: string } | null = null;
  for (const account of accounts) {
    if (!chosen.has(account.id)) continue;
    const found = features[account.id];
    // Until a blog answers, the field is offered: most blogs keep an excerpt.
    const summary = found && 'features' in found ? found.features.summary : { maxCharacters: null };
    if (summary === null) continue;
    kept = true;
    if (summary.maxCharacters !== null && (limit === null || summary.maxCharacters < limit.maxCharacters)) {
      limit = { maxCharacters: summary.maxCharacters, blogName: account.blogName };
    }
  }
  return { kept, maxCharacters: limit?.maxCharacters ?? null, limitedBy: limit?.blogName ?? null };
}

/** Publish (or update) the draft on one or several blogs, and see where it stands on each. */
export function PublishPanel(props: PublishPanelProps) {
  const { draftId, accounts, flush, onManageBlogs, content, onOptions, onResolveDate, onReplaced } = props;
  const { publishAsked, onPublishAskAnswered } = props;
  const options = postOptionsOf(content);
  // Where the draft stands on each blog: joined in when it was opened, then kept by the core's events.
  const targets = useLibraryState().targets.get(draftId) ?? noTargets;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [when, setWhen] = useState<When>('publish');
  const [date, setDate] = useState('');
  const features = useBlogFeatures([...chosen]);
  const zone = scheduleZone(accounts, chosen, features);
  const moment = momentInZone(date, zone.zone);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** What the last publish said for each blog, and the state it said it in: it goes once that state does. */
  const [messages, setMessages] = useState<Readonly<Record<string, TargetMessage>>>({});
  const [conflictWith, setConflictWith] = useState<string | null>(null);

  // The usual blogs are offered when the draft's blogs become known or change; a choice the writer
  // emptied stays empty (re-offering on every empty choice checked the last blog again at once).
  useEffect(() => {
    setChosen((current) => (current.size === 0 ? new Set(usualBlogs(targets, accounts)) : current));
  }, [targets, accounts]);

  // The shortcut publishes at once to the draft's one usual blog (where it is, or the only blog);
  // with several, the panel is open for the writer to choose. Pressed while a publish is on its way,
  // it is answered by that publish (kept for later, it published again once that one was done).
  useEffect(() => {
    if (!publishAsked) return;
    onPublishAskAnswered();
    if (busy) return;
    const usual = usualBlogs(targets, accounts);
    if (usual.length === 1) {
      setChosen(new Set(usual));
      void publish(usual);
    } else setProblem('Choose the blogs to publish to, then Publish.');
  });

  function schedule(): OutboxSchedule | null {
    if (when !== 'future') return { status: when };
    return moment === null ? null : { status: 'future', date: moment.toISOString() };
  }

  async function publish(accountIds: readonly string[] = [...chosen]): Promise<void> {
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
    const result = await api.publishDraft({ draftId, accountIds: [...accountIds], schedule: chosenSchedule });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setMessages(
      Object.fromEntries(
        result.value.map(({ accountId, outcome }) => [
          accountId,
          { text: describeOutcome(outcome, chosenSchedule), state: outcome.kind },
        ]),
      ),
    );
  }

  if (accounts.length === 0) {
    return (
      <section className="publish-panel" aria-label="Publish">
        <p>Add a blog to publish this post.</p>
        <button type="button" onClick={() => onManageBlogs()}>
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
          const label = targetLabel(state, new Date());
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
                {label.text}
                {label.link && (
                  <>
                    {' '}
                    <a href={label.link.url} target="_blank" rel="noreferrer">
                      {label.link.text}
                    </a>
                  </>
                )}
                {state?.state === 'needs-you' && (
                  <>
                    {' '}
                    — {state.reason}{' '}
                    {/* Only where new credentials are the remedy: other refusals are not the settings' doing. */}
                    {state.cause === 'credentials' && (
                      <button type="button" onClick={() => onManageBlogs(account.id)}>
                        Open the blog’s settings
                      </button>
                    )}
                  </>
                )}
                {state?.state === 'conflict' && (
                  <button type="button" onClick={() => setConflictWith(account.id)}>
                    Compare and choose…
                  </button>
                )}
              </span>
              {chosen.has(account.id) && hasCategories(features, account.id) && (
                <CategoryPicker
                  blogName={account.blogName}
                  offered={categoriesOffered(features, account.id)}
                  chosen={options.categories[account.id] ?? []}
                  onChange={(categories) =>
                    onOptions({ ...options, categories: { ...options.categories, [account.id]: categories } })
                  }
                />
              )}
              {message && message.state === state?.state && (
                <p role="status" className="target-message">
                  {message.text}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <PostOptionsFields
        title={content.title}
        options={options}
        onChange={onOptions}
        summary={summaryKept(accounts, chosen, features)}
      />
      <ScheduleFields
        when={when}
        onWhen={setWhen}
        time={date}
        onTime={setDate}
        zone={zone}
        moment={moment}
        now={new Date()}
      />
      <PublishWarnings content={content} onResolveDate={onResolveDate} />
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

/** The blogs a draft usually goes to: those it is on already, else the only blog there is. */
function usualBlogs(targets: PublishTargets, accounts: readonly Account[]): string[] {
  const linked = Object.keys(targets).filter((id) => accounts.some((account) => account.id === id));
  if (linked.length > 0) return linked;
  const [only] = accounts;
  return only && accounts.length === 1 ? [only.id] : [];
}

/** Whether the blog has categories: true until it answers, so that a slow blog's picker does not jump in. */
function hasCategories(features: FeaturesByAccount, accountId: string): boolean {
  const found = features[accountId];
  return !(found && 'features' in found && found.features.categories === null);
}

/** The blog's categories; undefined while asking, null when it could not be asked. */
function categoriesOffered(features: FeaturesByAccount, accountId: string) {
  const found = features[accountId];
  if (found === undefined) return undefined;
  return 'features' in found ? found.features.categories : null;
}
