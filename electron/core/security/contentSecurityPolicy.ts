import { MEDIA_SCHEME, THEME_SHELL_SCHEME } from '../../../shared/contract';

/**
 * The Content-Security-Policy of the app's page, in Electron and in the browser dev host alike:
 * only the app's own scripts run — nothing inline, no eval — and no plugins, frames, form posts
 * or <base> tricks. Styles may be inline because CodeMirror (style-mod) adds its theme as a
 * <style> element; a style cannot run code, and the preview's sanitizer drops style attributes
 * and elements anyway. Images come from the library (the dev host's own /media/ route, or the
 * Electron app's read-only media scheme), from https addresses (quoted excerpts keep their
 * figures until they are fetched into the library), and as data: in the themed preview's frame,
 * which carries the blog's images and fonts inlined; an image or a font runs no code. Frames: only
 * the themed preview's shell (shared/theme/liveFrame.ts), on an origin of its own, which each host
 * names (`frames`): the Electron app's shell scheme, or the dev host's route ('self'), which sends
 * the frame on to the shell's own loopback server at its one port — and nothing else.
 */
export function contentSecurityPolicy(frames: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' ${MEDIA_SCHEME}: data: https:`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-src ${frames.join(' ')}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Where the Electron app's page may frame: the themed preview's shell, on its own scheme. */
export const ELECTRON_FRAMES: readonly string[] = [`${THEME_SHELL_SCHEME}:`];

/** Headers sent with every response of the app's own origin, its page framing only `frames`. */
export function securityHeaders(frames: readonly string[]): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(frames),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}
