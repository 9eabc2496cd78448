import { useCallback, useEffect, useRef, useState } from 'react';
import { contentOf, type Draft, type DraftChanges, type DraftContent } from '../../../shared/model/draft';
import { changesBetween } from '../../../shared/model/draftChanges';
import { saveableContent } from '../../../shared/model/saveableContent';
import type { Result } from '../../../shared/result';
import { inDesktopApp } from '../api';

export type SaveStatus =
  /** `withheld`: what of the typed text the library could not take (a field past its limit), in words. */
  | { readonly kind: 'saved'; readonly revision: number; readonly withheld: readonly string[] }
  | { readonly kind: 'unsaved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly message: string }
  /**
   * The library holds a version saved elsewhere (another window, a command) after the one these
   * edits were made over: they are not saved, and wait for the writer to choose (`keepMine`).
   */
  | { readonly kind: 'conflict' }
  /** A newer version saved elsewhere is on its way to the desk (nothing here was unsaved). */
  | { readonly kind: 'updating' };

/** What a save names of the draft it replaces (the contract's saveDraft). */
export interface SaveCheck {
  readonly baseRevision: number;
  readonly keepReplaced?: true;
}

const QUIET_MS = 300;
const FLUSH_TIMEOUT_MS = 10_000;
/** After a save that failed for a reason that passes (a full disk, the host out of reach), the next try; doubled up to the most. */
const FIRST_RETRY_MS = 1_000;
const MOST_RETRY_MS = 15_000;

/**
 * Saves the draft shortly after the writer pauses, sending only what changed since the last
 * acknowledged save (a quote left alone is named, not sent). Only one save is in flight at a
 * time, so the library always receives edits in the order they were made; edits made meanwhile
 * go in the next. What is sent is what the library can take (see saveableContent): a field it
 * would refuse never holds back the rest, and the status says what was held back.
 *
 * Each save names the revision its edits were made over, so the library refuses one made over a
 * version since replaced elsewhere (another window, a command): the edits stay here, unsaved,
 * until the writer chooses. A newer version announced while nothing here is unsaved is handed to
 * `onChangedElsewhere` for the desk to show; with edits unsaved, they are sent at once to be refused.
 */
export function useAutosave(
  draft: Draft,
  content: DraftContent,
  save: (id: string, changes: DraftChanges, check: SaveCheck) => Promise<Result<{ readonly revision: number }>>,
  /** The newest revision of this draft the library announced, if it announced one since it was opened. */
  announced: number | undefined,
  onChangedElsewhere: () => void,
): {
  status: SaveStatus;
  saveNow: () => void;
  flush: () => Promise<boolean>;
  allSaved: () => boolean;
  keepMine: (theirs: Draft) => void;
} {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', revision: draft.revision, withheld: [] });
  /** The revision of what the library holds, as this desk last heard it acknowledged (or opened it). */
  const acked = useRef(draft.revision);
  /** A save was refused: the library holds another version, and nothing is sent until the writer chooses. */
  const conflicted = useRef(false);
  /** The next save replaces a version saved elsewhere, which the library keeps in the history. */
  const replacing = useRef(false);
  const latestAnnounced = useRef(announced);
  latestAnnounced.current = announced;
  const latestOnChangedElsewhere = useRef(onChangedElsewhere);
  latestOnChangedElsewhere.current = onChangedElsewhere;
  const latest = useRef(content);
  /** What was typed when the last acknowledged save was sent (compared by identity). */
  const savedContent = useRef(content);
  /** What the library holds since then: the fallback for a field it would refuse, and what changes are counted from. */
  const onDisk = useRef(content);
  const withheld = useRef<readonly string[]>([]);
  /** The save on its way, settling once it is answered; null when none is. */
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryIn = useRef(FIRST_RETRY_MS);
  latest.current = content;
  /** Nothing waiting for the pause, nothing on its way, and what is on disk is what is shown. */
  const allSaved = useCallback(
    () =>
      timer.current === null &&
      !inFlight.current &&
      !conflicted.current &&
      latest.current === savedContent.current &&
      withheld.current.length === 0,
    [],
  );

  /** `even`: sent even when nothing was typed since the last save, to be checked against the library's revision. */
  const send = useCallback(
    (even: boolean) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (inFlight.current || conflicted.current || (!even && latest.current === savedContent.current)) return;
      const sending = latest.current;
      const saveable = saveableContent(sending, onDisk.current);
      setStatus({ kind: 'saving' });
      const check: SaveCheck = replacing.current
        ? { baseRevision: acked.current, keepReplaced: true }
        : { baseRevision: acked.current };
      inFlight.current = save(draft.id, changesBetween(onDisk.current, saveable.content), check).then((result) => {
        inFlight.current = null;
        if (!result.ok) {
          if (result.error.kind === 'conflict') {
            conflicted.current = true;
            setStatus({ kind: 'conflict' });
            return;
          }
          setStatus({ kind: 'failed', message: result.error.message });
          // A disk that fills or a host that restarts comes back: saving resumes without the writer.
          if (result.error.kind === 'storage' || result.error.kind === 'unavailable') {
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => send(false), retryIn.current);
            retryIn.current = Math.min(retryIn.current * 2, MOST_RETRY_MS);
          }
          return;
        }
        retryIn.current = FIRST_RETRY_MS;
        acked.current = result.value.revision;
        replacing.current = false;
        savedContent.current = sending;
        onDisk.current = saveable.content;
        withheld.current = saveable.withheld;
        if (latest.current !== sending) send(false);
        else {
          setStatus({ kind: 'saved', revision: result.value.revision, withheld: saveable.withheld });
          // A version announced while this save was on its way may be newer than it.
          checkElsewhere.current();
        }
      });
    },
    [draft.id, save],
  );
  const saveNow = useCallback(() => send(false), [send]);

  /** A version newer than the one acknowledged here: shown when nothing here is unsaved, else sent to be refused. */
  const checkElsewhere = useRef<() => void>(() => undefined);
  checkElsewhere.current = () => {
    const newest = latestAnnounced.current;
    if (newest === undefined || newest <= acked.current || inFlight.current || conflicted.current) return;
    if (!allSaved()) send(true);
    else {
      setStatus({ kind: 'updating' });
      latestOnChangedElsewhere.current();
    }
  };
  useEffect(() => checkElsewhere.current(), [announced]);

  /**
   * The writer keeps what is typed here over `theirs`, the version the library holds now: it is
   * saved over it at once, and theirs stays in the draft's history.
   */
  const keepMine = useCallback(
    (theirs: Draft) => {
      acked.current = theirs.revision;
      onDisk.current = contentOf(theirs);
      replacing.current = true;
      conflicted.current = false;
      send(true);
    },
    [send],
  );

  useEffect(() => {
    if (content === savedContent.current || conflicted.current) return;
    setStatus((current) => (current.kind === 'saving' ? current : { kind: 'unsaved' }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(saveNow, QUIET_MS);
  }, [content, saveNow]);

  /** Saves what is pending now and resolves once it is on disk: true when everything typed is saved. */
  const flush = useCallback(async () => {
    saveNow();
    let handle: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      handle = setTimeout(() => resolve('late'), FLUSH_TIMEOUT_MS);
    });
    try {
      // A save answered while edits were made meanwhile starts the next one: wait for each in turn.
      for (let saving = inFlight.current; saving; saving = inFlight.current) {
        if ((await Promise.race([saving.then(() => 'saved' as const), late])) === 'late') break;
      }
    } finally {
      clearTimeout(handle);
    }
    return allSaved();
  }, [saveNow]);

  // Leaving the draft (or closing the app's view of it) saves what is pending at once.
  const latestSaveNow = useRef(saveNow);
  latestSaveNow.current = saveNow;
  useEffect(() => () => latestSaveNow.current(), []);

  // Closing the window (or quitting, or reloading the tab) must not drop the last keystrokes.
  const latestFlush = useRef(flush);
  latestFlush.current = flush;
  useEffect(() => {
    let failedBefore = false;
    function holdUntilSaved(event: BeforeUnloadEvent): void {
      // In the app, a close that comes again after a failed save goes through: the writer saw it fail.
      if (allSaved() || (inDesktopApp && failedBefore)) return;
      // Electron cancels the close silently; a browser asks the writer whether to leave.
      event.preventDefault();
      void latestFlush.current().then((saved) => {
        failedBefore = !saved;
        if (saved && inDesktopApp) window.close();
      });
    }
    window.addEventListener('beforeunload', holdUntilSaved);
    return () => window.removeEventListener('beforeunload', holdUntilSaved);
  }, []);

  return { status, saveNow, flush, allSaved, keepMine };
}
