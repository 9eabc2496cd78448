import { useCallback, useState } from 'react';
import type { Draft, DraftContent } from '../../../shared/model/draft';
import { api } from '../api';
import { useAutosave } from '../state/useAutosave';
import { Preview } from './Preview';
import { SaveStatusLine } from './SaveStatusLine';

const saveDraft = (id: string, content: DraftContent) => api.saveDraft({ id, content });

/** The editor and its live preview for one draft; remounted (keyed by id) for each draft. */
export function DraftEditor({ draft, onSaved }: { draft: Draft; onSaved: (draft: Draft) => void }) {
  const [content, setContent] = useState<DraftContent>(() => ({
    title: draft.title,
    commentary: draft.commentary,
    quotes: draft.quotes,
    hashtags: draft.hashtags,
  }));
  const { status, saveNow } = useAutosave(draft, content, saveDraft, onSaved);
  const edit = useCallback((change: Partial<DraftContent>) => setContent((current) => ({ ...current, ...change })), []);

  return (
    <div className="desk">
      <section className="editor" aria-label="Editor">
        <input
          className="title-input"
          aria-label="Title"
          placeholder="Title"
          value={content.title}
          onChange={(event) => edit({ title: event.target.value })}
        />
        <textarea
          className="commentary-input"
          aria-label="Commentary"
          placeholder="Your commentary, in markdown"
          spellCheck
          value={content.commentary}
          onChange={(event) => edit({ commentary: event.target.value })}
        />
        <footer className="status-bar">
          <SaveStatusLine status={status} onRetry={saveNow} />
        </footer>
      </section>
      <Preview content={content} />
    </div>
  );
}
