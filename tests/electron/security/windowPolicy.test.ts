import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, ELECTRON_FRAMES } from '../../../electron/core/security/contentSecurityPolicy';

const CONTENT_SECURITY_POLICY = contentSecurityPolicy(ELECTRON_FRAMES);
import {
  APP_ENTRY_URL,
  isTrustedSender,
  mayNavigate,
  mayOpenExternally,
  secureWebPreferences,
} from '../../../electron/core/security/windowPolicy';

describe('the app window’s security policy', () => {
  it('isolates and sandboxes the page, with no Node in it', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('runs no inline or eval’d script, no plugin, and frames nothing but the themed preview’s shell', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives.find((directive) => directive.startsWith('script-src'))).toBe("script-src 'self'");
    expect(directives.find((directive) => directive.startsWith('frame-src'))).toBe('frame-src commonplace-theme:');
    expect(directives.find((directive) => directive.startsWith('default-src'))).toBe("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-hashes|strict-dynamic/);
    expect(directives.filter((directive) => directive.includes('unsafe-inline'))).toEqual([
      "style-src 'self' 'unsafe-inline'",
    ]);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('shows images only from the library, from https, and inlined (the themed preview), never blob: URLs', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives.find((directive) => directive.startsWith('img-src'))).toBe(
      "img-src 'self' commonplace-media: data: https:",
    );
  });

  it('accepts IPC only from the main frame of the app’s own page', () => {
    expect(isTrustedSender(APP_ENTRY_URL, true)).toBe(true);
    expect(isTrustedSender(APP_ENTRY_URL, false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender('file:///etc/passwd', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender('not a url', true)).toBe(false);
  });

  it('never navigates away, and hands only web and mail links to the system', () => {
    expect(mayNavigate(APP_ENTRY_URL)).toBe(true);
    expect(mayNavigate('https://example.com/')).toBe(false);
    expect(mayOpenExternally('https://example.com/post')).toBe(true);
    expect(mayOpenExternally('mailto:ann@example.com')).toBe(true);
    expect(mayOpenExternally('file:///etc/passwd')).toBe(false);
    expect(mayOpenExternally('javascript:alert(1)')).toBe(false);
    expect(mayOpenExternally('smb://server/share')).toBe(false);
  });
});
