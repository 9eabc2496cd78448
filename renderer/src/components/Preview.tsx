import { memo, useMemo, useState } from 'react';
import type { DraftContent } from '../../../shared/model/draft';
import { withImageAddresses } from '../../../shared/render/imageSources';
import { createIncrementalRenderer } from '../../../shared/render/incremental';
import type { AttributionStyle } from '../../../shared/model/accountChoices';
import { mediaAddress } from '../media/mediaAddress';
import { useOnline } from '../state/useOnline';

interface PreviewProps {
  readonly content: DraftContent;
  readonly attribution: AttributionStyle;
  readonly linkToPassage: boolean;
}

/** One rendered block: React replaces it only when its key (its HTML) changes. */
const PreviewBlock = memo(function PreviewBlock({ html }: { html: string }) {
  return <div className="preview-block" dangerouslySetInnerHTML={{ __html: html }} />;
});

/** Images a quote showed that are still on the web: fetched into the library once online. */
function webImagesInQuotes(content: DraftContent): number {
  return content.quotes.reduce(
    (count, quote) => count + (quote.excerpt.match(/!\[[^\]]*\]\(https?:/g)?.length ?? 0),
    0,
  );
}

/**
 * The post as it will read on the blog. Its blocks are the shared renderer's sanitized HTML —
 * together exactly the string publishing sends, but for each library image's address, which here
 * is the local copy's — so inserting them runs no untrusted markup. Only the blocks that changed
 * are rendered again (about a millisecond for a 10,000-word post), so the preview keeps up
 * within the keystroke's own frame; it would be deferred otherwise.
 */
export function Preview({ content: shown, attribution, linkToPassage }: PreviewProps) {
  const [renderer] = useState(createIncrementalRenderer);
  const online = useOnline();
  const { blocks } = useMemo(
    () => renderer.render(shown, { attribution, linkToPassage }),
    [renderer, shown, attribution, linkToPassage],
  );
  const waiting = useMemo(() => webImagesInQuotes(shown), [shown]);
  return (
    <article className="preview" aria-label="Preview">
      {shown.featuredImage && (
        <img className="preview-featured" src={mediaAddress(shown.featuredImage.file)} alt={shown.featuredImage.alt} />
      )}
      <h1 className="preview-title" dir="auto">
        {shown.title || 'Untitled'}
      </h1>
      {!online && waiting > 0 && (
        <p className="preview-note" role="status">
          {waiting === 1 ? 'An image' : `${waiting} images`} in the quotes will be fetched into the library when the
          connection is back; until then the preview cannot show {waiting === 1 ? 'it' : 'them'}.
        </p>
      )}
      <div className="preview-body">
        {blocks.map((block) => (
          <PreviewBlock key={block.key} html={withImageAddresses(block.html, mediaAddress)} />
        ))}
      </div>
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
