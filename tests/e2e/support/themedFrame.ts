import type { FrameLocator, Locator, Page } from '@playwright/test';

/** The app's frame that shows the themed preview: the shell (shared/theme/liveFrame.ts). */
export function themedShell(page: Page): Locator {
  return page.locator('iframe.themed-frame[data-front="true"]');
}

/** The themed page the writer sees, inside the shell's frame. */
export function themedPage(page: Page): FrameLocator {
  return pageIn(themedShell(page));
}

/** The themed page inside a given shell frame. */
export function pageIn(shell: Locator): FrameLocator {
  return shell.contentFrame().locator('iframe#page').contentFrame();
}
