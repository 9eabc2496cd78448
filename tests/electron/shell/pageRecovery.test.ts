import { describe, expect, it } from 'vitest';
import { PageRecoveryPolicy } from '../../../electron/core/shell/pageRecovery';

describe('PageRecoveryPolicy', () => {
  it('reloads a page that crashed, ran out of memory or was killed, and says so', () => {
    const policy = new PageRecoveryPolicy(() => 0);
    for (const reason of ['crashed', 'oom', 'killed'] as const) {
      const recovery = policy.afterPageGone(reason);
      expect(recovery.action).toBe('reload');
      if (recovery.action === 'reload') expect(recovery.message).toMatch(/reloaded\. Everything saved is here/);
    }
  });

  it('does nothing when the page ended normally', () => {
    expect(new PageRecoveryPolicy().afterPageGone('clean-exit')).toEqual({ action: 'none' });
  });

  it('stops reloading a page that keeps dying, and reloads again once it has been well for a minute', () => {
    let now = 0;
    const policy = new PageRecoveryPolicy(() => now);
    const actions = [0, 1, 2, 3].map(() => {
      now += 1_000;
      return policy.afterPageGone('crashed').action;
    });
    expect(actions).toEqual(['reload', 'reload', 'reload', 'give-up']);
    now += 61_000;
    expect(policy.afterPageGone('crashed').action).toBe('reload');
  });

  it('gives up at once when the page cannot start at all', () => {
    const recovery = new PageRecoveryPolicy().afterPageGone('launch-failed');
    expect(recovery).toMatchObject({ action: 'give-up', title: 'Commonplace cannot show its window' });
  });
});
