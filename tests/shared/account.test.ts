import { describe, expect, it } from 'vitest';
import { AccountOptionsSchema, AccountSchema } from '../../shared/model/account';

describe('AccountSchema', () => {
  it('reads an account saved before the per-blog choices existed with their defaults', () => {
    const saved = {
      id: 'account-0001',
      kind: 'wordpress',
      address: 'https://blog.example.com/',
      user: 'ann',
      blogName: 'A Blog',
      userName: 'Ann',
      canPublish: true,
      options: { hashtagsInTitle: true },
      addedAt: '2026-11-01T10:00:00.000Z',
    };
    expect(AccountSchema.parse(saved).options).toEqual({
      hashtagsInTitle: true,
      attribution: 'via',
      linkToPassage: false,
    });
  });

  it('refuses an option it does not know, rather than dropping it silently', () => {
    const result = AccountOptionsSchema.safeParse({ hashtagsInTitle: false, linkToPasage: true });
    expect(result.success).toBe(false);
  });
});
