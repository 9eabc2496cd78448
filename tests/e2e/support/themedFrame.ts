import { THEME_SHELL_PATH } from '../../../shared/contract';
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

/**
 * Calls `offApp` with the address of each response from anywhere but the app: its own origin, and
 * the themed preview's shell (learnt from the route that sends the frame there).
 */
export function onResponsesOffApp(page: Page, appOrigin: string, offApp: (url: string) => void): void {
  const own = new Set([appOrigin]);
  page.on('response', (response) => {
    const url = response.url();
    const location = response.headers()['location'];
    if (url === `${appOrigin}${THEME_SHELL_PATH}` && location) own.add(new URL(location, url).href);
    if (![...own].some((address) => url.startsWith(address))) offApp(url);
  });
}
