import { describe, expect, it } from 'vitest';
import {
  siteRootOfRestApi,
  siteRootOfXmlRpc,
  wordPressEditorLink,
} from '../../../../electron/core/publishing/wordpress/editorLink';

describe("where a WordPress post readers cannot see yet opens: the blog's editor", () => {
  it('finds the site from either form of the REST API address, and from xmlrpc.php', () => {
    expect(siteRootOfRestApi('https://blog.example/wp-json/')).toBe('https://blog.example/');
    expect(siteRootOfRestApi('https://example.org/blog/wp-json/')).toBe('https://example.org/blog/');
    expect(siteRootOfRestApi('https://blog.example/?rest_route=/')).toBe('https://blog.example/');
    expect(siteRootOfRestApi('https://example.org/blog/index.php?rest_route=/')).toBe('https://example.org/blog/');
    expect(siteRootOfXmlRpc('https://example.org/blog/xmlrpc.php')).toBe('https://example.org/blog/');
  });

  it('offers no link where the site cannot be told (an API under a prefix of its own)', () => {
    expect(siteRootOfRestApi('https://blog.example/api/')).toBeNull();
    expect(siteRootOfXmlRpc('https://blog.example/rpc')).toBeNull();
    expect(wordPressEditorLink(null, '7')).toBeNull();
  });

  it('opens the post in wp-admin, under the site', () => {
    expect(wordPressEditorLink('https://example.org/blog/', '7')).toEqual({
      kind: 'editor',
      url: 'https://example.org/blog/wp-admin/post.php?post=7&action=edit',
    });
  });
});
