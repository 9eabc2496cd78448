import { useDeferredValue, useMemo } from 'react';
import type { DraftContent } from '../../../shared/model/draft';
import { renderPostBody } from '../../../shared/render/post';

/**
 * The post as it will read on the blog. The body is the shared renderer's sanitized HTML, the
 * very string publishing sends, so inserting it runs no untrusted markup. It renders from a
 * deferred copy of the draft, so typing is never held up by the preview.
 */
export function Preview({ content }: { content: DraftContent }) {
  const shown = useDeferredValue(content);
  const body = useMemo(() => renderPostBody(shown), [shown]);
  return (
    <article className="preview" aria-label="Preview">
      <h1 className="preview-title">{shown.title || 'Untitled'}</h1>
      <div className="preview-body" dangerouslySetInnerHTML={{ __html: body }} />
      {shown.hashtags.length > 0 && (
        <ul className="preview-tags" aria-label="Tags">
          {shown.hashtags.map((tag) => (
            <li key={tag}>#{tag}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
