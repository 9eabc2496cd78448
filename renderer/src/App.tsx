import { useCallback, useEffect, useState } from 'react';
import type { Draft, DraftSummary } from '../../shared/model/draft';
import { api } from './api';
import { DraftEditor } from './components/DraftEditor';
import { DraftList } from './components/DraftList';

type Load =
  { readonly kind: 'loading' } | { readonly kind: 'ready' } | { readonly kind: 'failed'; readonly message: string };

export function App() {
  const [drafts, setDrafts] = useState<readonly DraftSummary[]>([]);
  const [current, setCurrent] = useState<Draft | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  const refreshList = useCallback(async () => {
    const result = await api.listDrafts({});
    if (result.ok) setDrafts(result.value);
    setLoad(result.ok ? { kind: 'ready' } : { kind: 'failed', message: result.error.message });
  }, []);

  useEffect(() => {
    void refreshList();
  }, [refreshList]);

  const open = useCallback(async (id: string) => {
    const result = await api.getDraft({ id });
    if (result.ok) setCurrent(result.value);
    else setLoad({ kind: 'failed', message: result.error.message });
  }, []);

  const create = useCallback(async () => {
    const result = await api.createDraft({});
    if (!result.ok) {
      setLoad({ kind: 'failed', message: result.error.message });
      return;
    }
    setCurrent(result.value);
    await refreshList();
  }, [refreshList]);

  const onSaved = useCallback(() => void refreshList(), [refreshList]);

  return (
    <div className="app">
      <DraftList
        drafts={drafts}
        selectedId={current?.id ?? null}
        onSelect={(id) => void open(id)}
        onCreate={() => void create()}
      />
      <main className="workspace">
        {load.kind === 'failed' && (
          <p role="alert" className="load-failed">
            {load.message}
          </p>
        )}
        {load.kind === 'loading' && <p className="empty">Opening your library…</p>}
        {current ? (
          <DraftEditor key={current.id} draft={current} onSaved={onSaved} />
        ) : (
          load.kind === 'ready' && <p className="empty">Choose a draft, or start a new one.</p>
        )}
      </main>
    </div>
  );
}
