import { THEME_SHELL_HOST, THEME_SHELL_SCHEME } from '../../../shared/contract';
import { mayNavigate, mayOpenExternally } from '../security/windowPolicy';

/** What becomes of a navigation or new-window request from the page. */
export type LinkAction = 'stay' | 'open-externally' | 'deny';

/**
 * A link clicked in the page (the preview's links, a quote's source): the app's own page may
 * load in place; web and mail links go to the system's browser or mail app; anything else
 * (file:, javascript:, other apps' schemes) goes nowhere.
 */
export function linkAction(url: string): LinkAction {
  if (mayNavigate(url)) return 'stay';
  return mayOpenExternally(url) ? 'open-externally' : 'deny';
}

/** The themed preview's shell in the Electron app. */
const THEMED_SHELL = `${THEME_SHELL_SCHEME}://${THEME_SHELL_HOST}/`;

/**
 * A navigation inside a frame of the page (the themed preview's shell and the page in it): the
 * shell may load itself, the page its own document (about:srcdoc, or about:blank before it), and
 * nothing else in place; a web or mail link clicked there goes to the system instead, and every
 * other address nowhere.
 */
export function frameNavigationAction(url: string): LinkAction {
  if (url === THEMED_SHELL || url === 'about:srcdoc' || url === 'about:blank') return 'stay';
  return mayOpenExternally(url) ? 'open-externally' : 'deny';
}
