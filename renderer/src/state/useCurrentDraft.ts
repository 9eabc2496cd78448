import { useCallback, useRef, useState } from 'react';
import type { DraftContent, DraftView } from '../../../shared/model/draft';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import { libraryStore } from './useLibraryStore';

/**
 * The draft on the desk, and the actions that change which draft that is; failures become
 * `problem`. Lists follow by themselves: the core announces every change to the store.
 */
export function useCurrentDraft() {
  const [current, setCurrent] = useState<DraftView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** Another draft is on its way to the desk: what is typed meanwhile would go to the one leaving. */
  const [switching, setSwitching] = useState(false);
  const openId = useRef<string | null>(null);
  openId.current = current?.id ?? null;

  const settle = useCallback((result: Result<DraftView | null>, failure: string): void => {
    setProblem(result.ok ? null : `${failure}: ${result.error.message}`);
    if (!result.ok) return;
    if (result.value) libraryStore.showing(result.value);
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
    switching,
    problem,
    setProblem,
    open,
    reload,
    create,
    trash,
    restore,
    emptyTrash,
    undoEmptyTrash,
    show,
  };
}
