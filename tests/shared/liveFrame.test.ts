import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/security/contentSecurityPolicy';
import { LIVE_FRAME_SCRIPT, LIVE_FRAME_SCRIPT_HASH } from '../../shared/theme/liveFrame';
import {
  cutThemePage,
  LIVE_THEMED_PREVIEW_CSP,
  slotMarker,
  THEMED_PREVIEW_CSP,
  themedDocument,
} from '../../shared/theme/themePage';

const stored = `<!DOCTYPE html><html><head>${slotMarker('head')}</head><body>
<div data-commonplace="body">${slotMarker('body')}</div></body></html>`;
const post = { title: 't', bodyHtml: '<p>b</p>', tags: [], anchor: null };

describe('the live themed frame’s script', () => {
  it('is allowed by its own hash, in the frame’s policy and in the app’s (which a srcdoc frame inherits)', () => {
    const hash = `sha256-${createHash('sha256').update(LIVE_FRAME_SCRIPT).digest('base64')}`;
    expect(LIVE_FRAME_SCRIPT_HASH).toBe(hash);
    expect(LIVE_THEMED_PREVIEW_CSP).toContain(`script-src '${hash}'`);
    expect(CONTENT_SECURITY_POLICY).toContain(`'${hash}'`);
    // Nothing else may run: no inline scripts or handlers, no eval, no address.
    expect(LIVE_THEMED_PREVIEW_CSP).not.toMatch(/unsafe-inline'[^;]*script|'unsafe-eval'|'self'|https?:|\*/);
  });

  it('is in the live document only, once, right after the policy', () => {
    const live = themedDocument(cutThemePage(stored), null, post, { live: true });
    expect(live).toContain(
      `<head><meta http-equiv="Content-Security-Policy" content="${LIVE_THEMED_PREVIEW_CSP}"><script>${LIVE_FRAME_SCRIPT}</script>`,
    );
    expect(live.split('<script>')).toHaveLength(2);
    const printed = themedDocument(cutThemePage(stored), null, post);
    expect(printed).not.toContain('<script>');
    expect(printed).toContain(`content="${THEMED_PREVIEW_CSP}"`);
  });
});
