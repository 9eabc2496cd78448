import { describe, expect, it } from 'vitest';
import { wordPressMissing, wordPressSkipReason } from '../../../servers/wordpress';

describe('whether the WordPress integration tests can run', () => {
  it('names the missing files', () => {
    const reason = wordPressMissing(['/usr/share/wordpress-not-here/wp-load.php', '/bin/sh']);
    expect(reason).toMatch(/missing \/usr\/share\/wordpress-not-here\/wp-load\.php\)/);
    expect(reason).not.toMatch(/\/bin\/sh/);
  });

  it('skips with the reason outside CI, and fails in CI', () => {
    const reason = 'WordPress test server not available (missing php)';
    expect(wordPressSkipReason(reason, {})).toBe(reason);
    expect(wordPressSkipReason(reason, { CI: 'false' })).toBe(reason);
    expect(() => wordPressSkipReason(reason, { CI: 'true' })).toThrow(/CI=true requires it/);
    expect(wordPressSkipReason(null, { CI: 'true' })).toBeNull();
  });
});
