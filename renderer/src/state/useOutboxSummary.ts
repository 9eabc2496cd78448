import { useEffect, useState } from 'react';
import type { OutboxEntry } from '../../../shared/model/outbox';
import { api } from '../api';

export interface OutboxSummary {
  readonly waiting: number;
  readonly needsYou: number;
}

function summaryOf(entries: ReadonlyMap<string, OutboxEntry>): OutboxSummary {
  const states = [...entries.values()].map((entry) => entry.state.state);
  return {
    waiting: states.filter((state) => state === 'queued' || state === 'sending' || state === 'retrying').length,
    needsYou: states.filter((state) => state === 'needs-you').length,
  };
}

/** How many remote writes are waiting to go out, and how many need the writer: as the outbox announces its entries. */
export function useOutboxSummary(): OutboxSummary {
  const [entries, setEntries] = useState<ReadonlyMap<string, OutboxEntry>>(new Map());
  useEffect(() => {
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'outbox-entry-changed') setEntries((known) => new Map(known).set(event.entry.id, event.entry));
    });
    void api.listOutbox({}).then((result) => {
      if (result.ok)
        setEntries((known) => new Map([...result.value.map((entry) => [entry.id, entry] as const), ...known]));
    });
    return unsubscribe;
  }, []);
  return summaryOf(entries);
}
