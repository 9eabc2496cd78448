import type { HeldLink } from '../../../../shared/model/draft';

/**
 * Where a WordPress post that readers cannot see yet opens: the post in the blog's editor, which
 * asks the writer to sign in first and then offers the blog's own preview. Its `link` is no help
 * there: for a draft it is "?p=<id>", which shows a 404 to anyone not signed in.
 */
export function wordPressEditorLink(siteRoot: string | null, postId: string): HeldLink | null {
  if (siteRoot === null) return null;
  const url = new URL('wp-admin/post.php', siteRoot);
  url.searchParams.set('post', postId);
  url.searchParams.set('action', 'edit');
  return { kind: 'editor', url: url.toString() };
}

/**
 * The site's root from the address of its REST API: "<root>/wp-json/", or "<root>/?rest_route=/"
 * (also after index.php) where pretty permalinks are off. A custom API prefix leaves it unknown.
 */
export function siteRootOfRestApi(apiRoot: string): string | null {
  const url = new URL(apiRoot);
  url.hash = '';
  if (url.searchParams.has('rest_route')) {
    url.search = '';
    url.pathname = url.pathname.replace(/index\.php$/, '');
    return url.toString();
  }
  const root = url.pathname.replace(/wp-json\/?$/, '');
  if (root === url.pathname) return null;
  url.pathname = root;
  return url.toString();
}

/** The site's root from the address of its xmlrpc.php, which WordPress serves there. */
export function siteRootOfXmlRpc(endpoint: string): string | null {
  const url = new URL(endpoint);
  const root = url.pathname.replace(/xmlrpc\.php$/, '');
  if (root === url.pathname) return null;
  url.pathname = root;
  url.search = '';
  url.hash = '';
  return url.toString();
}
