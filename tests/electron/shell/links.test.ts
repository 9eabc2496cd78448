import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../../electron/core/security/windowPolicy';
import { linkAction } from '../../../electron/core/shell/links';
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
