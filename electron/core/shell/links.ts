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
