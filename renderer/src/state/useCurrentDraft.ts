import { useCallback, useRef, useState } from 'react';
import type { Draft, DraftContent } from '../../../shared/model/draft';
import type { Result } from '../../../shared/result';
import { api } from '../api';

/** The draft on the desk, and the actions that change which draft that is; failures become `problem`. */
export function useCurrentDraft(refreshLibrary: () => Promise<void>) {
  const [current, setCurrent] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const openId = useRef<string | null>(null);
  openId.current = current?.id ?? null;

  const settle = useCallback((result: Result<Draft | null>, failure: string): void => {
    setProblem(result.ok ? null : `${failure}: ${result.error.message}`);
    if (result.ok) setCurrent(result.value);
  }, []);

  const open = useCallback(
    async (id: string) => {
      // The open draft stays as its editor has it: a copy read now would lack the edits not yet
      // saved, and showing it would drop them from the editor and, at its next save, from disk.
      if (id === openId.current) return;
      settle(await api.getDraft({ id }), 'The draft could not be opened');
    },
    [settle],
  );

  const create = useCallback(
    async (content?: DraftContent) => {
      settle(await api.createDraft(content ? { content } : {}), 'A new draft could not be created');
      await refreshLibrary();
    },
    [settle, refreshLibrary],
  );

  const trash = useCallback(async () => {
    if (!current) return;
    const result = await api.trashDraft({ id: current.id });
    settle(result.ok ? { ok: true, value: null } : result, 'The draft could not be moved to the trash');
    await refreshLibrary();
  }, [current, settle, refreshLibrary]);

  const restore = useCallback(async () => {
    if (!current) return;
    settle(await api.restoreDraft({ id: current.id }), 'The draft could not be restored');
    await refreshLibrary();
  }, [current, settle, refreshLibrary]);

  const emptyTrash = useCallback(async () => {
    const result = await api.emptyTrash({});
    settle(result.ok ? { ok: true, value: null } : result, 'The trash could not be emptied');
    await refreshLibrary();
  }, [settle, refreshLibrary]);

  /** Shows a draft the main side already has (restored from history, say). */
  const show = useCallback(
    (draft: Draft) => {
      setCurrent(draft);
      void refreshLibrary();
    },
    [refreshLibrary],
  );

  return { current, problem, setProblem, open, create, trash, restore, emptyTrash, show };
}
