import { useEffect, useRef } from 'react';
import type { LiveFramePatch } from '../../../../shared/theme/liveFrame';
import { THEMED_PREVIEW_SANDBOX } from '../../../../shared/theme/themePage';
import type { ThemedFrameContent } from './useThemedDocument';

interface ThemedPreviewProps {
  readonly content: ThemedFrameContent;
  readonly blogName: string;
}

interface FrameTurns {
  /** The frame shown; the other loads the next page. */
  front: number;
  /** The page each frame holds (null until it loaded one). */
  readonly pages: [string | null, string | null];
  /** The page the hidden frame is loading, or null. */
  loading: string | null;
  /** Counts patches; each frame's dataset says the last one sent and the last one it showed. */
  seq: number;
}

/**
 * The draft in the blog's own theme, in a frame that can do little: sandboxed without same
 * origin, forms or top navigation, its document (srcdoc, so an opaque origin that shares nothing
 * with the app) carrying a policy that forbids every address but data: and every script but the
 * frame's own (shared/theme/liveFrame.ts).
 *
 * A keystroke is a patch: the title and body are posted to that script, which puts them in the
 * page in place, so the scroll position stays and nothing is parsed but the post. Only another
 * page (a new snapshot, other tags) is a load: it happens in the hidden frame of two, which is
 * shown once loaded and then given the latest patch, so the writer never sees a blank page.
 */
export function ThemedPreview({ content, blogName }: ThemedPreviewProps) {
  const frames = useRef<[HTMLIFrameElement | null, HTMLIFrameElement | null]>([null, null]);
  const turns = useRef<FrameTurns>({ front: 0, pages: [null, null], loading: null, seq: 0 });
  const latest = useRef(content);
  latest.current = content;

  useEffect(() => {
    const state = turns.current;
    const loaded = (index: number): void => {
      if (index === state.front || state.loading === null) return;
      state.pages[index] = state.loading;
      state.loading = null;
      state.front = index;
      frames.current.forEach((frame, each) => {
        if (!frame) return;
        frame.dataset['front'] = String(each === index);
        frame.tabIndex = each === index ? 0 : -1;
        frame.setAttribute('aria-hidden', String(each !== index));
      });
      show(frames.current, state, latest.current);
    };
    const listeners = frames.current.map((frame, index) => {
      const listener = () => loaded(index);
      frame?.addEventListener('load', listener);
      return () => frame?.removeEventListener('load', listener);
    });
    // The frame's script answers with the number of the patch it has painted.
    const answered = (event: MessageEvent<unknown>): void => {
      const frame = frames.current.find((each) => each !== null && each.contentWindow === event.source);
      const seq = shownSeq(event.data);
      if (frame && seq !== null) frame.dataset['shown'] = String(seq);
    };
    window.addEventListener('message', answered);
    return () => {
      listeners.forEach((remove) => remove());
      window.removeEventListener('message', answered);
    };
  }, []);

  useEffect(() => {
    show(frames.current, turns.current, content);
  }, [content]);

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

/** Shows `content`: patched into the front frame when it holds that page, else loaded in the back one. */
function show(
  frames: readonly [HTMLIFrameElement | null, HTMLIFrameElement | null],
  state: FrameTurns,
  content: ThemedFrameContent,
): void {
  const front = frames[state.front];
  if (front && state.pages[state.front] === content.pageKey) {
    state.seq += 1;
    const patch: LiveFramePatch = {
      type: 'commonplace-patch',
      seq: state.seq,
      title: content.title,
      body: content.bodyHtml,
      anchor: content.anchor,
    };
    front.dataset['sent'] = String(state.seq);
    // An opaque origin has no name to address it by; the frame's script checks the message is ours.
    front.contentWindow?.postMessage(patch, '*');
    return;
  }
  // A load in flight takes the latest patch once it is shown; a second page waits for it.
  if (state.loading === content.pageKey) return;
  const back = frames[1 - state.front];
  if (!back) return;
  state.loading = content.pageKey;
  state.pages[1 - state.front] = null;
  back.srcdoc = content.compose();
}

function shownSeq(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, seq } = data as { type?: unknown; seq?: unknown };
  return type === 'commonplace-shown' && typeof seq === 'number' ? seq : null;
}
