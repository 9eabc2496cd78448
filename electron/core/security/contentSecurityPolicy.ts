/**
 * The Content-Security-Policy of the app's page, in Electron and in the browser dev host alike:
 * only the app's own scripts run — nothing inline, no eval — and no plugins, frames, form posts
 * or <base> tricks. Styles may be inline because CodeMirror (style-mod) adds its theme as a
 * <style> element; a style cannot run code, and the preview's sanitizer drops style attributes
 * and elements anyway. Images may come from the web because quoted excerpts keep their images.
 * Fonts may be data: because the themed preview's frame (a srcdoc document, which inherits this
 * policy on top of its own) carries the blog's fonts inlined; a font runs no code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers sent with every response of the app's own origin. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
