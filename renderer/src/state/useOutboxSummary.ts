import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';

export interface OutboxSummary {
  readonly waiting: number;
  readonly needsYou: number;
}

/** How many remote writes are waiting to go out, and how many need the writer. */
export function useOutboxSummary(): OutboxSummary {
  const [summary, setSummary] = useState<OutboxSummary>({ waiting: 0, needsYou: 0 });
  const refresh = useCallback(async () => {
    const result = await api.listOutbox({});
    if (!result.ok) return;
    const states = result.value.map((entry) => entry.state.state);
    setSummary({
      waiting: states.filter((state) => state === 'queued' || state === 'sending' || state === 'retrying').length,
      needsYou: states.filter((state) => state === 'needs-you').length,
    });
  }, []);
  useEffect(() => {
    void refresh();
    return api.onEvent((event) => {
      if (event.type === 'library-changed') void refresh();
    });
  }, [refresh]);
  return summary;
}
