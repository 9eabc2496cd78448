import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../../electron/core/security/windowPolicy';
import { frameNavigationAction, linkAction } from '../../../electron/core/shell/links';
import { THEME_SHELL_HOST, THEME_SHELL_SCHEME } from '../../../shared/contract';
import { profileFolderOverride } from '../../../electron/core/shell/profileFolder';

describe('links clicked in the page', () => {
  it('load the app’s own page in place, and hand web and mail links to the system', () => {
    expect(linkAction(APP_ENTRY_URL)).toBe('stay');
    expect(linkAction('https://example.com/post')).toBe('open-externally');
    expect(linkAction('http://example.com/')).toBe('open-externally');
    expect(linkAction('mailto:ann@example.com')).toBe('open-externally');
  });

  it('go nowhere for every other scheme, and for the app’s other paths', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'commonplace://quote?text=x',
      'app://commonplace/../../etc/passwd',
      'app://elsewhere/index.html',
      'not a url',
    ]) {
      expect(linkAction(url), url).toBe('deny');
    }
  });
});

describe('the profile folder', () => {
  it('is Electron’s default unless COMMONPLACE_PROFILE names one', () => {
    expect(profileFolderOverride({})).toBeNull();
    expect(profileFolderOverride({ COMMONPLACE_PROFILE: '' })).toBeNull();
    expect(profileFolderOverride({ COMMONPLACE_PROFILE: 'relative/profile' })).toBe(path.resolve('relative/profile'));
  });
});

describe('navigations inside a frame of the page (the themed preview)', () => {
  it('load only the frames’ own documents in place: the themed preview’s shell, and the page in it', () => {
    expect(frameNavigationAction(`${THEME_SHELL_SCHEME}://${THEME_SHELL_HOST}/`)).toBe('stay');
    expect(frameNavigationAction(`${THEME_SHELL_SCHEME}://${THEME_SHELL_HOST}/elsewhere`)).toBe('deny');
    expect(frameNavigationAction('about:srcdoc')).toBe('stay');
    expect(frameNavigationAction('about:blank')).toBe('stay');
  });

  it('hand web and mail links to the system, even the app’s own page, and send everything else nowhere', () => {
    expect(frameNavigationAction('https://blog.example/post')).toBe('open-externally');
    expect(frameNavigationAction('mailto:ann@example.com')).toBe('open-externally');
    for (const url of [
      APP_ENTRY_URL,
      'javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'about:srcdoc#x',
    ]) {
      expect(frameNavigationAction(url), url).toBe('deny');
    }
  });
});
