import { useEffect, useRef, useState } from 'react';
import type { ConflictDetails, ConflictResolution } from '../../../../shared/model/outbox';
import { withImageAddresses } from '../../../../shared/render/imageSources';
import { sanitize } from '../../../../shared/render/sanitize';
import { api } from '../../api';
import { mediaAddress } from '../../media/mediaAddress';

interface ConflictViewProps {
  readonly draftId: string;
  readonly accountId: string;
  /** Saves what the writer typed; nothing is resolved while it is not saved. */
  readonly flush: () => Promise<boolean>;
  /** The draft now holds the blog's version: the desk shows it instead of what the editor had. */
  readonly onTakenTheirs: () => void;
  readonly onDone: () => void;
}

/**
 * A side's HTML, sanitized. Yours names the library's images by media: reference, as the preview's
 * HTML does: they get the preview's addresses. The blog's side keeps its own addresses.
 */
function sideHtml(side: 'local' | 'remote', html: string): string {
  const clean = sanitize(html);
  return side === 'local' ? withImageAddresses(clean, mediaAddress) : clean;
}

/**
 * The post as written here beside the post as it now is on the blog, and the writer's choice.
 * The blog's HTML is untrusted: it is shown only through the same sanitizer as the preview.
 */
export function ConflictView({ draftId, accountId, flush, onTakenTheirs, onDone }: ConflictViewProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [details, setDetails] = useState<ConflictDetails | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    void api.conflictDetails({ draftId, accountId }).then((result) => {
      if (result.ok) setDetails(result.value);
      else setProblem(result.error.message);
    });
  }, [draftId, accountId]);

  async function choose(resolution: ConflictResolution): Promise<void> {
    // Edits still on their way would land after the choice (and over theirs): they are saved first.
    if (!(await flush())) {
      setProblem('Your last edits could not be saved, so nothing was chosen. Fix the save problem first.');
      return;
    }
    const result = await api.resolveConflict({ draftId, accountId, resolution });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    if (resolution === 'take-theirs') onTakenTheirs();
    dialog.current?.close();
  }

  return (
    <dialog ref={dialog} className="conflict-view" aria-label="Edited on the blog and here" onClose={onDone}>
      <h2>This post was edited on the blog too</h2>
      {problem && <p role="alert">{problem}</p>}
      {details && (
        <div className="conflict-sides">
          {(['local', 'remote'] as const).map((side) => (
            <article key={side} aria-label={side === 'local' ? 'Yours' : 'On the blog'}>
              <h3>{side === 'local' ? 'Yours' : 'On the blog'}</h3>
              <h4>{details[side].title}</h4>
              <div dangerouslySetInnerHTML={{ __html: sideHtml(side, details[side].html) }} />
              <p className="conflict-tags">{details[side].tags.map((tag) => `#${tag}`).join(' ')}</p>
            </article>
          ))}
        </div>
      )}
      <p>To merge by hand, close this, edit your draft, then keep yours.</p>
      <div className="conflict-actions">
        <button type="button" onClick={() => void choose('keep-mine')}>
          Keep mine
        </button>
        <button type="button" onClick={() => void choose('take-theirs')}>
          Take theirs
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
