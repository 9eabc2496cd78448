import { THEME_SHELL_HOST, THEME_SHELL_PATH, THEME_SHELL_SCHEME } from '../../../../shared/contract';

/**
 * Where the themed preview's frame loads its shell: the dev host's token-checked route, which
 * sends it on to the shell's own origin, or, in the desktop app, the shell's own scheme.
 */
export function themedShellAddress(): string {
  const overHttp = window.location.protocol === 'http:' || window.location.protocol === 'https:';
  return overHttp ? THEME_SHELL_PATH : `${THEME_SHELL_SCHEME}://${THEME_SHELL_HOST}/`;
}
