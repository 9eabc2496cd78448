import { useCallback, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { DraftContent, DraftView } from '../../../shared/model/draft';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import { libraryStore } from './useLibraryStore';

/** Where the writer was on the desk: what a draft shown anew in its place puts them back to. */
export interface DeskPlace {
  readonly scrollTop: number;
  /** The field with the focus, its text then, and its caret in that text (the selection's anchor and head). */
  readonly caret: {
    readonly field: 'title' | 'commentary';
    readonly text: string;
    readonly anchor: number;
    readonly head: number;
  } | null;
}

/**
 * The draft on the desk, and the actions that change which draft that is; failures become
 * `problem`. Lists follow by themselves: the core announces every change to the store.
 */
export function useCurrentDraft() {
  const [current, setCurrent] = useState<DraftView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** Another draft is on its way to the desk: what is typed meanwhile would go to the one leaving. */
  const [switching, setSwitching] = useState(false);
  /** Where the writer was when the draft on the desk was shown anew (changed elsewhere); null otherwise. */
  const [place, setPlace] = useState<DeskPlace | null>(null);
  const shown = useRef<DraftView | null>(null);
  shown.current = current;
  const openId = useRef<string | null>(null);
  openId.current = current?.id ?? null;

  const settle = useCallback((result: Result<DraftView | null>, failure: string): void => {
    setProblem(result.ok ? null : `${failure}: ${result.error.message}`);
    if (!result.ok) return;
    if (result.value) libraryStore.showing(result.value);
    setPlace(null);
    setCurrent(result.value);
  }, []);

  const open = useCallback(
    async (id: string) => {
      // The open draft stays as its editor has it: a copy read now would lack the edits not yet
      // saved, and showing it would drop them from the editor and, at its next save, from disk.
      if (id === openId.current) return;
      setSwitching(true);
      try {
        settle(await libraryStore.open(id), 'The draft could not be opened');
      } finally {
        setSwitching(false);
      }
    },
    [settle],
  );

  /**
   * Reads the open draft again after the core replaced its content (the blog's version taken in
   * a conflict); the caller has saved the editor's edits first.
   */
  const reload = useCallback(async () => {
    if (openId.current) settle(await libraryStore.open(openId.current), 'The draft could not be read again');
  }, [settle]);

  /**
   * Shows the open draft as the library holds it now, saved elsewhere (another window, a command),
   * in place of the desk's copy, once `leave` gives where the writer is: it answers null when
   * the desk holds edits of its own by then (typed while the draft was read), which are kept.
   */
  const refresh = useCallback(async (leave: () => DeskPlace | null) => {
    const showing = shown.current;
    if (!showing) return;
    const result = await libraryStore.open(showing.id);
    if (!result.ok) {
      setProblem(`The draft's newer version could not be read: ${result.error.message}`);
      return;
    }
    if (shown.current !== showing || result.value.revision <= showing.revision) return;
    const at = leave();
    if (at === null) return;
    // Shown in this same task: no keystroke can land in the desk's copy between the check and the swap.
    flushSync(() => {
      setPlace(at);
      setCurrent(result.value);
    });
  }, []);

  const create = useCallback(
    async (content?: DraftContent) => {
      setSwitching(true);
      try {
        settle(await api.createDraft(content ? { content } : {}), 'A new draft could not be created');
      } finally {
        setSwitching(false);
      }
    },
    [settle],
  );

  /** Moves the open draft to the trash; resolves with it as trashed (for an undo), or null. */
  const trash = useCallback(async (): Promise<DraftView | null> => {
    if (!current) return null;
    const result = await api.trashDraft({ id: current.id });
    settle(result.ok ? { ok: true, value: null } : result, 'The draft could not be moved to the trash');
    return result.ok ? result.value : null;
  }, [current, settle]);

  /** Takes a draft out of the trash (the open one by default) and shows it. */
  const restore = useCallback(
    async (id?: string) => {
      const restoring = id ?? current?.id;
      if (!restoring) return;
      settle(await api.restoreDraft({ id: restoring }), 'The draft could not be restored');
    },
    [current, settle],
  );

  /** Empties the trash; resolves with what undoEmptyTrash needs, or null when nothing was deleted. */
  const emptyTrash = useCallback(async (): Promise<{ deleted: number; batch: string } | null> => {
    const result = await api.emptyTrash({});
    if (!result.ok) setProblem(`The trash could not be emptied: ${result.error.message}`);
    else if (current?.trashedAt) setCurrent(null);
    return result.ok && result.value.batch !== null
      ? { deleted: result.value.deleted, batch: result.value.batch }
      : null;
  }, [current]);

  const undoEmptyTrash = useCallback(async (batch: string) => {
    const result = await api.undoEmptyTrash({ batch });
    setProblem(result.ok ? null : `The drafts could not be brought back: ${result.error.message}`);
  }, []);

  /** Shows a draft the main side already has (restored from history, say). */
  const show = useCallback((draft: DraftView) => settle({ ok: true, value: draft }, ''), [settle]);

  return {
    current,
    place,
    switching,
    problem,
    setProblem,
    open,
    reload,
    refresh,
    create,
    trash,
    restore,
    emptyTrash,
    undoEmptyTrash,
    show,
  };
}
