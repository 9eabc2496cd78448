/**
 * What to do when the page's process ends on its own (a crash, out of memory, killed by the OS).
 * Everything acknowledged is on disk, so a fresh page loses nothing saved: reload it, and tell the
 * writer. A page that keeps dying would reload in a loop, so after a few in a short while, stop
 * and say so instead.
 */

/** Electron's `RenderProcessGoneDetails['reason']`, restated so the core need not import electron. */
export type PageGoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

export type PageRecovery =
  | { readonly action: 'none' }
  | { readonly action: 'reload'; readonly message: string }
  | { readonly action: 'give-up'; readonly title: string; readonly message: string };

/** Reloads allowed within RELOAD_WINDOW_MS before giving up. */
const MAX_RELOADS = 3;
const RELOAD_WINDOW_MS = 60_000;

/** Decides, and remembers the reloads it allowed, for one window. */
export class PageRecoveryPolicy {
  readonly #reloads: number[] = [];
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  afterPageGone(reason: PageGoneReason): PageRecovery {
    if (reason === 'clean-exit') return { action: 'none' };
    const now = this.#now();
    const recent = this.#reloads.filter((at) => now - at < RELOAD_WINDOW_MS);
    this.#reloads.splice(0, this.#reloads.length, ...recent);
    if (reason === 'launch-failed' || reason === 'integrity-failure' || recent.length >= MAX_RELOADS) {
      return {
        action: 'give-up',
        title: 'Commonplace cannot show its window',
        message:
          `The window's page stopped (${describe(reason)}) and could not be brought back. ` +
          'Everything that was saved is in your library: quit Commonplace and start it again.',
      };
    }
    this.#reloads.push(now);
    return {
      action: 'reload',
      message: `The window's page stopped (${describe(reason)}) and was reloaded. Everything saved is here; the last few keystrokes before it stopped may be missing.`,
    };
  }
}

function describe(reason: PageGoneReason): string {
  switch (reason) {
    case 'oom':
      return 'it ran out of memory';
    case 'crashed':
      return 'it crashed';
    case 'killed':
      return 'the system ended it';
    case 'memory-eviction':
      return 'the system reclaimed its memory';
    case 'launch-failed':
      return 'it could not be started';
    case 'integrity-failure':
      return 'its code failed an integrity check';
    case 'abnormal-exit':
    case 'clean-exit':
      return 'it exited unexpectedly';
  }
}
