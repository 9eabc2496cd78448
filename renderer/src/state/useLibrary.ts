import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftSummary } from '../../../shared/model/draft';
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

  useEffect(() => {
    const timer = setTimeout(() => void refresh(), query.search ? SEARCH_PAUSE_MS : 0);
    return () => clearTimeout(timer);
  }, [query, refresh]);

  return { query, setQuery, drafts, tags, problem, refresh };
}
