import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft, DraftSummary } from '../../../shared/model/draft';
import { summarize } from '../../../shared/model/summary';
import type { DraftQuery, TagCount } from '../../../shared/model/library';
import { api } from '../api';

const SEARCH_PAUSE_MS = 150;

/** The sidebar's view of the library: the drafts matching the query, and the tags in use. */
export function useLibrary() {
  const [query, setQuery] = useState<DraftQuery>({});
  const [drafts, setDrafts] = useState<readonly DraftSummary[] | null>(null);
  const [tags, setTags] = useState<readonly TagCount[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const latestQuery = useRef(query);
  latestQuery.current = query;

  const refresh = useCallback(async () => {
    const asked = latestQuery.current;
    const [listed, tagged] = await Promise.all([api.listDrafts(asked), api.listTags({})]);
    if (asked !== latestQuery.current) return;
    if (listed.ok) setDrafts(listed.value);
    if (tagged.ok) setTags(tagged.value);
    setProblem(listed.ok ? null : `Your library could not be read: ${listed.error.message}`);
  }, []);

  /**
   * A save of the open draft: its row is updated here, without listing the library again, which
   * at ten thousand drafts would be megabytes to read after every pause in the typing. A filtered
   * list is asked again, since the draft may have come into or gone out of it.
   */
  const noteSaved = useCallback(
    (saved: Draft) => {
      // A draft in the trash is edited from the trash view; the unfiltered list never shows it.
      if (!isUnfiltered(latestQuery.current) || saved.trashedAt !== null) {
        void refresh();
        return;
      }
      setDrafts((listed) => listed && [summarize(saved), ...listed.filter((draft) => draft.id !== saved.id)]);
      void api.listTags({}).then((tagged) => {
        if (tagged.ok) setTags(tagged.value);
      });
    },
    [refresh],
  );

  useEffect(() => {
    const timer = setTimeout(() => void refresh(), query.search ? SEARCH_PAUSE_MS : 0);
    return () => clearTimeout(timer);
  }, [query, refresh]);

  return { query, setQuery, drafts, tags, problem, refresh, noteSaved };
}

/** The whole library outside the trash, newest first, where a just-saved draft goes on top. */
function isUnfiltered(query: DraftQuery): boolean {
  return !query.search?.trim() && query.status === undefined && query.tag === undefined && query.trash !== 'only';
}
