/**
 * The address of a WordPress REST route under an API root. The root is either a path
 * ("https://blog.example/wp-json/") or the query form ("https://blog.example/?rest_route=/") that
 * works when pretty permalinks are off.
 */
export function restRoute(root: string, route: string, query: Readonly<Record<string, string>> = {}): string {
  const url = new URL(root);
  if (url.searchParams.has('rest_route')) {
    url.searchParams.set('rest_route', `/${route}`);
  } else {
    url.pathname = `${url.pathname.replace(/\/?$/, '/')}${route}`;
  }
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}
