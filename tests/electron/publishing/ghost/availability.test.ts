import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ghostFolder, ghostMissing, ghostSkipReason } from '../../../servers/ghost';

describe('whether the Ghost integration tests can run', () => {
  it('finds the install in the cache folder, or where COMMONPLACE_GHOST_FOLDER says', () => {
    expect(ghostFolder({ HOME: '/home/writer' })).toMatch(/\.cache\/commonplace\/ghost-5\.130\.6$/);
    expect(ghostFolder({ COMMONPLACE_GHOST_FOLDER: '/opt/ghost' })).toBe('/opt/ghost');
  });

  it('counts an install as there only once the install script finished it', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'commonplace-ghost-check-'));
    try {
      expect(ghostMissing(folder)).toMatch(/not installed in .*ghost-install\.sh/);
      await writeFile(path.join(folder, '.commonplace-installed'), '');
      expect(ghostMissing(folder)).toBeNull();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('skips with the reason outside CI, and fails in CI', () => {
    const reason = 'Ghost 5.130.6 test server not installed in /nowhere';
    expect(ghostSkipReason(reason, {})).toBe(reason);
    expect(() => ghostSkipReason(reason, { CI: 'true' })).toThrow(/CI=true requires it/);
    expect(ghostSkipReason(null, { CI: 'true' })).toBeNull();
  });
});
