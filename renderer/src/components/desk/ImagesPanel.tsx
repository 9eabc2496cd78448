import { memo, useMemo } from 'react';
import { imageReferences } from '../../../../shared/media/references';
import type { FeaturedImage, MediaFile } from '../../../../shared/model/image';
import { mediaAddress } from '../../media/mediaAddress';
import { describeKeys, shortcuts } from '../../shortcuts';

interface ImagesPanelProps {
  readonly commentary: string;
  readonly featuredImage: FeaturedImage | null;
  /** Gives the commentary's `index`th image new alt text (the editor owns the text). */
  readonly onAltText: (index: number, alt: string) => void;
  readonly onFeature: (featured: FeaturedImage | null) => void;
  readonly onInsert: () => void;
}

/**
 * The commentary's images and the featured image: each with its alt text (editable here, later
 * too), and a way to make one the featured image or clear it.
 */
export const ImagesPanel = memo(function ImagesPanel(props: ImagesPanelProps) {
  const { commentary, featuredImage, onAltText, onFeature, onInsert } = props;
  const references = useMemo(() => imageReferences(commentary), [commentary]);

  return (
    <section className="images-panel" aria-label="Images">
      <header>
        <h2>Images</h2>
        <button type="button" onClick={onInsert} title={`Insert image (${describeKeys(shortcuts.insertImage.keys)})`}>
          Insert image…
        </button>
      </header>
      {featuredImage && (
        <div className="image-row featured" role="group" aria-label="Featured image">
          <Thumbnail file={featuredImage.file} />
          <label>
            Featured image alt text
            <input
              value={featuredImage.alt}
              onChange={(event) => onFeature({ ...featuredImage, alt: event.target.value })}
              aria-invalid={featuredImage.alt.trim() === ''}
            />
          </label>
          <button type="button" onClick={() => onFeature(null)}>
            Clear featured image
          </button>
        </div>
      )}
      {references.length === 0 && !featuredImage && (
        <p className="hint">Paste or drop an image into the commentary, or insert one.</p>
      )}
      <ul>
        {references.map((reference, index) => (
          <li key={`${reference.start}-${reference.file}`} className="image-row">
            <Thumbnail file={reference.file} />
            <label>
              Alt text of image {index + 1}
              <input
                value={reference.alt}
                onChange={(event) => onAltText(index, event.target.value)}
                aria-invalid={reference.alt.trim() === ''}
                placeholder="What the image shows"
              />
            </label>
            <button
              type="button"
              disabled={featuredImage?.file === reference.file}
              onClick={() => onFeature({ file: reference.file, alt: reference.alt })}
            >
              Make featured
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});

function Thumbnail({ file }: { file: MediaFile }) {
  return <img className="image-thumbnail" src={mediaAddress(file)} alt="" width={48} height={48} />;
}
