import type { Page } from '@playwright/test';

/**
 * What React did since the last look: how many times it committed, the longest run of commits
 * in one synchronous stretch (updates set while committing, as a layout effect or a ref callback
 * does, are rendered and committed at once, before anything else runs), and how long ago the last
 * commit was.
 */
export interface ReactCommits {
  readonly commits: number;
  readonly longestChain: number;
  readonly quietForMs: number;
}

/** The most commits one synchronous chain may hold: React gives up at 50 nested updates (error #185). */
export const CHAIN_LIMIT = 25;

interface Counter {
  commits: number;
  chain: number;
  longestChain: number;
  lastAt: number;
}

declare global {
  interface Window {
    __commonplaceCommits?: Counter;
  }
}

/**
 * Counts the page's React commits through the hook React calls for its developer tools, which the
 * production build calls too: an update loop shows in a production build, where React's warning
 * for one never prints and only a synchronous loop throws (#185, at its 50th nested update).
 * Call before the page loads.
 */
export async function countReactCommits(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counter: Counter = { commits: 0, chain: 0, longestChain: 0, lastAt: performance.now() };
    let chainOpen = false;
    window.__commonplaceCommits = counter;
    Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
      configurable: true,
      value: {
        supportsFiber: true,
        inject: () => 1,
        checkDCE: () => undefined,
        onCommitFiberUnmount: () => undefined,
        onPostCommitFiberRoot: () => undefined,
        onCommitFiberRoot: () => {
          counter.commits += 1;
          counter.chain += 1;
          counter.longestChain = Math.max(counter.longestChain, counter.chain);
          counter.lastAt = performance.now();
          // A microtask runs only once the synchronous stretch is over: the chain ends there.
          if (chainOpen) return;
          chainOpen = true;
          queueMicrotask(() => {
            chainOpen = false;
            counter.chain = 0;
          });
        },
      },
    });
  });
}

/** What React did since the last call (or since the page loaded), and starts counting afresh. */
export async function takeReactCommits(page: Page): Promise<ReactCommits> {
  return page.evaluate(() => {
    const counter = window.__commonplaceCommits;
    if (!counter) throw new Error('React commits are not counted: call countReactCommits before the page loads');
    const taken = {
      commits: counter.commits,
      longestChain: counter.longestChain,
      quietForMs: performance.now() - counter.lastAt,
    };
    counter.commits = 0;
    counter.longestChain = 0;
    return taken;
  });
}

/**
 * Waits until React has committed nothing for `quietMs`; false when it still commits after
 * `withinMs` with nothing asked of the page: an update loop (an effect setting what it depends on).
 */
export async function reactFallsQuiet(page: Page, quietMs: number, withinMs: number): Promise<boolean> {
  return page.evaluate(
    ({ quietMs, withinMs }) =>
      new Promise<boolean>((resolve) => {
        const counter = window.__commonplaceCommits;
        if (!counter) throw new Error('React commits are not counted: call countReactCommits before the page loads');
        const giveUpAt = performance.now() + withinMs;
        const look = (): void => {
          const now = performance.now();
          if (now - counter.lastAt >= quietMs) resolve(true);
          else if (now >= giveUpAt) resolve(false);
          else setTimeout(look, Math.min(50, quietMs));
        };
        look();
      }),
    { quietMs, withinMs },
  );
}
