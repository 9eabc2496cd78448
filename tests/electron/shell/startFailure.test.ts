import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { LibraryLockedError } from '../../../electron/core/lock/lockMessages';
import { startFailureNotice } from '../../../electron/core/shell/startFailure';

describe('what the desktop app shows when it cannot start', () => {
  it('says the library is in use, in the words of the lock, when another process has it', () => {
    const error = new LibraryLockedError(
      {
        kind: 'held',
        holder: {
          schemaVersion: 1,
          token: 'token-of-the-dev-host',
          pid: 4321,
          hostname: os.hostname(),
          bootId: null,
          program: { kind: 'dev-host' },
          since: new Date().toISOString(),
        },
        elsewhere: false,
        file: '/library/library.lock',
      },
      { kind: 'app' },
      new Date(),
    );
    expect(startFailureNotice(error)).toEqual({ title: 'This library is in use', message: error.message });
    expect(error.message).toMatch(/^Commonplace is already open on this library \(dev host, pid 4321, since /);
  });

  it('gives any other failure as it is', () => {
    expect(startFailureNotice(new Error('The disk is full.'))).toEqual({
      title: 'Commonplace could not start',
      message: 'The disk is full.',
    });
  });
});
