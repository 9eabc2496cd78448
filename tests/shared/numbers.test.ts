import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCount } from '../../shared/text/numbers';

const NumberFormat = Intl.NumberFormat;
afterEach(() => {
  Intl.NumberFormat = NumberFormat;
});

describe('counts in messages', () => {
  it('are written with thousands separators', () => {
    expect(formatCount(12_000)).toBe('12,000');
    expect(formatCount(7)).toBe('7');
  });

  it('make no number formatter when the models that word them are loaded, only when a count is shown', async () => {
    let made = 0;
    Intl.NumberFormat = new Proxy(NumberFormat, {
      construct(target, args: ConstructorParameters<typeof NumberFormat>) {
        made += 1;
        return new target(...args);
      },
    });
    vi.resetModules();
    await import('../../shared/model/validationMessages');
    await import('../../shared/model/clipboard');
    const { formatCount: freshFormatCount } = await import('../../shared/text/numbers');
    await import('../../shared/model/saveableContent');
    expect(made).toBe(0);
    expect(freshFormatCount(1_500)).toBe('1,500');
    expect(made).toBe(1);
  });
});
