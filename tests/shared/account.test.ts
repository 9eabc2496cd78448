import { describe, expect, it } from 'vitest';
import {
  AccountOptionsSchema,
  AccountSchema,
  blogAddressCandidates,
  NewAccountSchema,
  sameBlog,
} from '../../shared/model/account';

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
      maxImageSide: 2048,
    });
  });

  it('takes a blog’s longest image side in whole pixels, within bounds, and says what is wrong', () => {
    const side = (maxImageSide: unknown) => AccountOptionsSchema.safeParse({ hashtagsInTitle: false, maxImageSide });
    expect(side(1200)).toMatchObject({ success: true, data: { maxImageSide: 1200 } });
    expect(side(100).error?.issues[0]?.message).toBe('at least 320 pixels');
    expect(side(20_000).error?.issues[0]?.message).toBe('at most 8192 pixels');
    expect(side(1200.5).error?.issues[0]?.message).toBe('a whole number of pixels');
    expect(side('1200').success).toBe(false);
  });

  it('refuses an option it does not know, rather than dropping it silently', () => {
    const result = AccountOptionsSchema.safeParse({ hashtagsInTitle: false, linkToPasage: true });
    expect(result.success).toBe(false);
  });
});

describe('blogAddressCandidates', () => {
  it('takes addresses as people type them: https first, then http on this computer', () => {
    expect(blogAddressCandidates('myblog.example.com')).toEqual(['https://myblog.example.com']);
    expect(blogAddressCandidates('  127.0.0.1:8080 ')).toEqual(['https://127.0.0.1:8080', 'http://127.0.0.1:8080']);
    expect(blogAddressCandidates('localhost/blog')).toEqual(['https://localhost/blog', 'http://localhost/blog']);
    expect(blogAddressCandidates('http://blog.example.com/')).toEqual(['http://blog.example.com/']);
    expect(blogAddressCandidates('ftp://blog.example.com/')).toEqual([]);
    expect(blogAddressCandidates('not an address')).toEqual([]);
    expect(
      NewAccountSchema.safeParse({ kind: 'wordpress', address: 'myblog.example.com', user: 'a', secret: 'b' }).success,
    ).toBe(true);
  });
});

describe('sameBlog', () => {
  const stored = { address: 'https://blog.example.com/', user: 'ann' };

  it('knows a blog however its address is typed: scheme, case, default port and trailing slash aside', () => {
    for (const address of [
      'blog.example.com',
      'http://blog.example.com',
      'HTTPS://Blog.Example.com:443/',
      ' https://blog.example.com ',
    ]) {
      expect(sameBlog(stored, { address, user: 'ann' }), address).toBe(true);
    }
    expect(sameBlog(stored, { address: 'blog.example.com', user: 'Ann ' })).toBe(true);
  });

  it('tells apart another user, another port, another path, and what is no address', () => {
    expect(sameBlog(stored, { address: 'blog.example.com', user: 'bob' })).toBe(false);
    expect(sameBlog(stored, { address: 'blog.example.com:8443', user: 'ann' })).toBe(false);
    expect(sameBlog(stored, { address: 'blog.example.com/other', user: 'ann' })).toBe(false);
    expect(sameBlog(stored, { address: 'ftp://blog.example.com', user: 'ann' })).toBe(false);
  });
});
