import { useCallback, useState } from 'react';
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

  const settle = useCallback((result: Result<DraftView | null>, failure: string): void => {
    setProblem(result.ok ? null : `${failure}: ${result.error.message}`);
    if (!result.ok) return;
    if (result.value) libraryStore.showing(result.value);
    setCurrent(result.value);
  }, []);

  const open = useCallback(
    async (id: string) => {
      settle(await libraryStore.open(id), 'The draft could not be opened');
    },
    [settle],
  );

  const create = useCallback(
    async (content?: DraftContent) => {
      settle(await api.createDraft(content ? { content } : {}), 'A new draft could not be created');
    },
    [settle],
  );

  const trash = useCallback(async () => {
    if (!current) return;
    const result = await api.trashDraft({ id: current.id });
    settle(result.ok ? { ok: true, value: null } : result, 'The draft could not be moved to the trash');
  }, [current, settle]);

  const restore = useCallback(async () => {
    if (!current) return;
    settle(await api.restoreDraft({ id: current.id }), 'The draft could not be restored');
  }, [current, settle]);

  const emptyTrash = useCallback(async () => {
    const result = await api.emptyTrash({});
    settle(result.ok ? { ok: true, value: null } : result, 'The trash could not be emptied');
  }, [settle]);

  /** Shows a draft the main side already has (restored from history, say). */
  const show = useCallback((draft: DraftView) => settle({ ok: true, value: draft }, ''), [settle]);

  return { current, problem, setProblem, open, create, trash, restore, emptyTrash, show };
}
