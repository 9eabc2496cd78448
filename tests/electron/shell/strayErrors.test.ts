import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { keepRunningThroughStrayErrors } from '../../../electron/core/shell/strayErrors';

describe('errors that nothing caught', () => {
  it('are reported with what they were, and uninstalling stops listening', () => {
    const source = new EventEmitter();
    const reported: [string, unknown][] = [];
    const uninstall = keepRunningThroughStrayErrors(source, (message, error) => reported.push([message, error]));
    const rejection = new Error('the blog account is gone');
    const exception = new Error('a timer threw');

    source.emit('unhandledRejection', rejection);
    source.emit('uncaughtException', exception);
    expect(reported).toEqual([
      ['A background task failed and nothing was waiting for it; Commonplace keeps running', rejection],
      ['An unexpected error was not caught; Commonplace keeps running', exception],
    ]);

    uninstall();
    expect(source.listenerCount('unhandledRejection')).toBe(0);
    expect(source.listenerCount('uncaughtException')).toBe(0);
  });
});
