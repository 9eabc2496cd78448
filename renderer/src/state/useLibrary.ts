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

  // The core announces what changed: a draft's new summary, deleted drafts, tag counts, a new
  // status on a blog. A row is updated in place, without listing the library again (at ten
  // thousand drafts that is megabytes after every pause in the typing); a filtered list is asked
  // again, since the draft may have come into or gone out of it.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'tags-changed') setTags(event.tags);
        else if (event.type === 'drafts-deleted') {
          const gone = new Set(event.ids);
          setDrafts((listed) => listed && listed.filter((draft) => !gone.has(draft.id)));
        } else if (event.type === 'draft-changed') {
          const { summary } = event;
          // A draft in the trash is edited from the trash view; the unfiltered list never shows it.
          if (!isUnfiltered(latestQuery.current) || summary.trashedAt !== null) void refresh();
          else setDrafts((listed) => listed && [summary, ...listed.filter((draft) => draft.id !== summary.id)]);
        } else if (event.type === 'target-changed') {
          const { draftId, status } = event;
          if (latestQuery.current.status !== undefined) void refresh();
          else
            setDrafts(
              (listed) => listed && listed.map((draft) => (draft.id === draftId ? { ...draft, status } : draft)),
            );
        }
      }),
    [refresh],
  );

  useEffect(() => {
    const timer = setTimeout(() => void refresh(), query.search ? SEARCH_PAUSE_MS : 0);
    return () => clearTimeout(timer);
  }, [query, refresh]);

  return { query, setQuery, drafts, tags, problem, refresh };
}

/** The whole library outside the trash, newest first, where a just-saved draft goes on top. */
function isUnfiltered(query: DraftQuery): boolean {
  return !query.search?.trim() && query.status === undefined && query.tag === undefined && query.trash !== 'only';
}
