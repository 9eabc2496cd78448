import { useMemo } from 'react';
import type { DraftContent } from '../../../shared/model/draft';
import { renderPostBody } from '../../../shared/render/post';

/**
 * The post as it will read on the blog. The body is the shared renderer's sanitized HTML, the
 * very string publishing sends, so inserting it here runs no untrusted markup.
 */
export function Preview({ content }: { content: DraftContent }) {
  const body = useMemo(() => renderPostBody(content), [content]);
  return (
    <article className="preview" aria-label="Preview">
      <h1 className="preview-title">{content.title || 'Untitled'}</h1>
      <div className="preview-body" dangerouslySetInnerHTML={{ __html: body }} />
      {content.hashtags.length > 0 && (
        <ul className="preview-tags" aria-label="Tags">
          {content.hashtags.map((tag) => (
            <li key={tag}>#{tag}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
