import { useEffect, useRef } from 'react';
import { THEMED_PREVIEW_SANDBOX } from '../../../../shared/theme/themePage';

interface ThemedPreviewProps {
  /** The whole document, from useThemedDocument. */
  readonly document: string;
  readonly blogName: string;
}

/**
 * The draft in the blog's own theme, in a frame that can do nothing: sandboxed without scripts,
 * forms, same origin or top navigation, its document (srcdoc, so an opaque origin that shares
 * nothing with the app) carrying a policy that forbids every script and address but data:.
 *
 * Nothing can reach into such a frame, so a change is shown by loading a new document. Two
 * frames take turns: the new document loads in the hidden one, which is shown once loaded, so
 * the writer never sees a blank page; while one loads, only the latest document waits, so fast
 * typing never queues loads. Each document opens scrolled to the part that changed.
 */
export function ThemedPreview({ document, blogName }: ThemedPreviewProps) {
  const frames = useRef<[HTMLIFrameElement | null, HTMLIFrameElement | null]>([null, null]);
  const turn = useRef({ front: 0, loading: false, waiting: null as string | null });

  useEffect(() => {
    const state = turn.current;
    const show = (html: string): void => {
      const back = frames.current[1 - state.front];
      if (!back) return;
      state.loading = true;
      back.srcdoc = html;
    };
    const loaded = (index: number): void => {
      if (index === state.front || !state.loading) return;
      state.front = index;
      state.loading = false;
      frames.current.forEach((frame, each) => {
        if (!frame) return;
        frame.dataset['front'] = String(each === index);
        frame.tabIndex = each === index ? 0 : -1;
        frame.setAttribute('aria-hidden', String(each !== index));
      });
      const next = state.waiting;
      state.waiting = null;
      if (next !== null) show(next);
    };
    const listeners = frames.current.map((frame, index) => {
      const listener = () => loaded(index);
      frame?.addEventListener('load', listener);
      return () => frame?.removeEventListener('load', listener);
    });
    return () => listeners.forEach((remove) => remove());
  }, []);

  useEffect(() => {
    const state = turn.current;
    if (state.loading) {
      state.waiting = document;
      return;
    }
    const back = frames.current[1 - state.front];
    if (!back) return;
    state.loading = true;
    back.srcdoc = document;
  }, [document]);

  return (
    <div className="themed-preview">
      {[0, 1].map((index) => (
        <iframe
          key={index}
          ref={(frame) => {
            frames.current[index] = frame;
          }}
          className="themed-frame"
          title={`Preview as on ${blogName}`}
          sandbox={THEMED_PREVIEW_SANDBOX}
          referrerPolicy="no-referrer"
          data-front={index === 0 ? 'true' : 'false'}
          aria-hidden={index !== 0}
          tabIndex={index === 0 ? 0 : -1}
        />
      ))}
    </div>
  );
}
