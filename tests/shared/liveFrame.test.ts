import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, ELECTRON_FRAMES } from '../../electron/core/security/contentSecurityPolicy';
import {
  LIVE_FRAME_CSP,
  LIVE_FRAME_DOCUMENT,
  LIVE_FRAME_HEADERS,
  LIVE_FRAME_SCRIPT,
  LIVE_FRAME_SCRIPT_HASH,
  THEMED_PAGE_SANDBOX,
} from '../../shared/theme/liveFrame';
import { cutThemePage, slotMarker, THEMED_PREVIEW_CSP, themedDocument } from '../../shared/theme/themePage';

const stored = `<!DOCTYPE html><html><head>${slotMarker('head')}</head><body>
<div data-commonplace="body">${slotMarker('body')}</div></body></html>`;
const post = { title: 't', bodyHtml: '<p>b</p>', tags: [], anchor: null };

describe('the themed preview’s shell and page', () => {
  it('the shell’s one script is allowed by its hash in the shell’s policy, and nothing else runs there', () => {
    const hash = `sha256-${createHash('sha256').update(LIVE_FRAME_SCRIPT).digest('base64')}`;
    expect(LIVE_FRAME_SCRIPT_HASH).toBe(hash);
    expect(LIVE_FRAME_CSP).toContain(`script-src '${hash}'`);
    expect(LIVE_FRAME_HEADERS['Content-Security-Policy']).toBe(LIVE_FRAME_CSP);
    // No inline scripts or handlers, no eval, no address.
    expect(LIVE_FRAME_CSP).not.toMatch(/unsafe-inline'[^;]*script|'unsafe-eval'|'self'|https?:|\*/);
    expect(LIVE_FRAME_DOCUMENT.split('<script>')).toHaveLength(2);
    expect(LIVE_FRAME_DOCUMENT).toContain(`<script>${LIVE_FRAME_SCRIPT}</script>`);
    // The app's page runs its own files only: the shell's script is never allowed there.
    expect(contentSecurityPolicy(ELECTRON_FRAMES)).not.toContain(hash);
  });

  it('the shell holds the page in a frame that runs no script', () => {
    expect(LIVE_FRAME_DOCUMENT).toContain(`<iframe id="page"`);
    expect(LIVE_FRAME_DOCUMENT).toContain(`sandbox="${THEMED_PAGE_SANDBOX}"`);
    expect(THEMED_PAGE_SANDBOX.split(' ')).not.toContain('allow-scripts');
    expect(THEMED_PAGE_SANDBOX.split(' ')).not.toContain('allow-forms');
    expect(THEMED_PAGE_SANDBOX.split(' ')).not.toContain('allow-top-navigation');
  });

  it('the page carries no script and forbids every script, as the CLI prints it and the app shows it', () => {
    const page = themedDocument(cutThemePage(stored), null, post);
    expect(page).not.toContain('<script');
    expect(page).toContain(`<head><meta http-equiv="Content-Security-Policy" content="${THEMED_PREVIEW_CSP}">`);
    expect(THEMED_PREVIEW_CSP).toContain("script-src 'none'");
  });
});
