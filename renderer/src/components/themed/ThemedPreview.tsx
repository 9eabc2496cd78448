import { useEffect, useRef } from 'react';
import type { RenderedBlock } from '../../../../shared/render/incremental';
import {
  LIVE_FRAME_SANDBOX,
  markedBlock,
  type LiveFramePage,
  type LiveFramePatch,
} from '../../../../shared/theme/liveFrame';
import { themedShellAddress } from './shellAddress';
import type { ThemedFrameContent } from './useThemedDocument';

interface ThemedPreviewProps {
  readonly content: ThemedFrameContent;
  readonly blogName: string;
}

/** What one frame holds: its page, and the blocks of the post in it (by key). */
interface Held {
  readonly page: string;
  keys: readonly string[];
}

interface FrameTurns {
  /** The frame shown; the other loads the next page. */
  front: number;
  /** Whether each frame's shell has loaded and takes messages. */
  readonly ready: [boolean, boolean];
  /** What each frame holds (null until it loaded a page). */
  readonly held: [Held | null, Held | null];
  /** What the hidden frame is loading (its message's number), or null. */
  loading: (Held & { readonly seq: number }) | null;
  /** Counts messages to the frames; each frame's dataset says the last patch sent and the last it showed. */
  seq: number;
}

/**
 * The draft in the blog's own theme. The page (the blog's stored page with the draft in it, as
 * `drafts render --themed` prints it) is shown in a frame that runs no script at all: sandboxed
 * without scripts or forms, and its policy says `script-src 'none'`. That frame sits in a shell
 * (shared/theme/liveFrame.ts) on an origin and a site of its own, which shares nothing with the
 * app and runs in a process of its own; the shell's one script, allowed by its hash, patches the
 * page from outside.
 *
 * A keystroke is a patch: the title and the blocks of the body that changed are posted to the
 * shell, which puts them in the page in place, so the scroll position stays and nothing is parsed
 * but what changed. Only another page (a new snapshot, other tags) is a load: it happens in the
 * hidden frame of two, which is shown once loaded and then given the latest patch, so the writer
 * never sees a blank page.
 */
export function ThemedPreview({ content, blogName }: ThemedPreviewProps) {
  const frames = useRef<[HTMLIFrameElement | null, HTMLIFrameElement | null]>([null, null]);
  const turns = useRef<FrameTurns>({ front: 0, ready: [false, false], held: [null, null], loading: null, seq: 0 });
  const latest = useRef(content);
  latest.current = content;

  useEffect(() => {
    const state = turns.current;
    const loaded = (index: number, seq: number): void => {
      if (index === state.front || state.loading?.seq !== seq) return;
      state.held[index] = state.loading;
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
      const listener = () => {
        state.ready[index] = true;
        show(frames.current, state, latest.current);
      };
      frame?.addEventListener('load', listener);
      return () => frame?.removeEventListener('load', listener);
    });
    // The shells answer with the number of the page they loaded or the patch they painted.
    const answered = (event: MessageEvent<unknown>): void => {
      const index = frames.current.findIndex((each) => each !== null && each.contentWindow === event.source);
      const answer = shellAnswer(event.data);
      const frame = frames.current[index];
      if (!frame || answer === null) return;
      if (answer.type === 'commonplace-loaded') loaded(index, answer.seq);
      else frame.dataset['shown'] = String(answer.seq);
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
          src={themedShellAddress()}
          sandbox={LIVE_FRAME_SANDBOX}
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
  const held = state.held[state.front];
  if (front && held?.page === content.pageKey) {
    state.seq += 1;
    const patch: LiveFramePatch = {
      type: 'commonplace-patch',
      seq: state.seq,
      title: content.title,
      ...changed(held.keys, content.blocks),
    };
    held.keys = content.blocks.map((block) => block.key);
    front.dataset['sent'] = String(state.seq);
    // An opaque origin has no name to address it by; the shell's script checks the message is ours.
    front.contentWindow?.postMessage(patch, '*');
    return;
  }
  // A load in flight takes the latest patch once it is shown; a second page waits for it.
  if (state.loading?.page === content.pageKey) return;
  const backIndex = 1 - state.front;
  const back = frames[backIndex];
  // A shell not loaded yet takes the page when it is (its load calls show again).
  if (!back || !state.ready[backIndex]) return;
  state.seq += 1;
  state.loading = { page: content.pageKey, keys: content.blocks.map((block) => block.key), seq: state.seq };
  state.held[backIndex] = null;
  const page: LiveFramePage = { type: 'commonplace-page', seq: state.seq, html: content.compose() };
  back.contentWindow?.postMessage(page, '*');
}

/** The blocks between the unchanged ones at the start and at the end: where they start, how many go, what comes. */
function changed(
  before: readonly string[],
  now: readonly RenderedBlock[],
): Pick<LiveFramePatch, 'start' | 'remove' | 'html'> {
  let start = 0;
  while (start < before.length && start < now.length && before[start] === now[start]?.key) start += 1;
  let end = 0;
  while (
    end < before.length - start &&
    end < now.length - start &&
    before[before.length - 1 - end] === now[now.length - 1 - end]?.key
  )
    end += 1;
  const html = now
    .slice(start, now.length - end)
    .map((block) => markedBlock(block.html))
    .join('');
  return { start, remove: before.length - start - end, html };
}

function shellAnswer(data: unknown): { type: 'commonplace-loaded' | 'commonplace-shown'; seq: number } | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, seq } = data as { type?: unknown; seq?: unknown };
  if (typeof seq !== 'number') return null;
  return type === 'commonplace-loaded' || type === 'commonplace-shown' ? { type, seq } : null;
}
