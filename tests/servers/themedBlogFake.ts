import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The one post the fake blog has published, as its API and its page give it. */
export const FAKE_POST = {
  title: 'On reading slowly',
  html: '<p>Reading slowly is a way of listening to the writer.</p><p>It takes the time the words took.</p>',
  tag: 'Reading',
  path: '/2026/12/01/on-reading/',
};

/**
 * A blog that only shows its theme: the WordPress REST routes a theme snapshot reads (recent
 * posts and their tags' names) and one post page with its stylesheet. Enough for tests that take
 * snapshots again and again (a real WordPress takes a minute to start); what a real theme looks
 * like is proven against real WordPress and Ghost in themedBlogs.spec.ts.
 */
export interface ThemedBlogFake {
  /** The blog's address; its REST root is `${url}wp-json/`. */
  readonly url: string;
  /** Every path asked, in order. */
  readonly requests: readonly string[];
  stop(): Promise<void>;
}

const stylesheet = `body{font-family:Georgia,serif;margin:0}.entry-content{max-width:600px;margin:0 auto}`;

function postPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${FAKE_POST.title}</title>
<link rel="stylesheet" href="/theme/style.css"></head><body class="single">
<header class="site-header"><a href="/">The Fake Blog</a></header>
<main><article><h1 class="entry-title">${FAKE_POST.title}</h1><div class="entry-content">${FAKE_POST.html}</div>
<footer class="entry-footer">Tagged <a href="/tag/reading/" rel="tag">${FAKE_POST.tag}</a></footer></article></main>
</body></html>`;
}

export async function startThemedBlogFake(): Promise<ThemedBlogFake> {
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    requests.push(url.pathname);
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    if (url.pathname === '/wp-json/wp/v2/posts') {
      const time = '2026-12-01T09:00:00';
      const post = {
        id: 7,
        link: `${origin}${FAKE_POST.path}`,
        status: 'publish',
        slug: 'on-reading',
        date_gmt: time,
        modified_gmt: time,
        title: { raw: FAKE_POST.title, rendered: FAKE_POST.title },
        content: { raw: FAKE_POST.html, rendered: FAKE_POST.html },
        tags: [3],
      };
      send(200, 'application/json', JSON.stringify([post]));
    } else if (url.pathname === '/wp-json/wp/v2/tags') {
      send(200, 'application/json', JSON.stringify([{ id: 3, name: FAKE_POST.tag }]));
    } else if (url.pathname === FAKE_POST.path) {
      send(200, 'text/html; charset=utf-8', postPage());
    } else if (url.pathname === '/theme/style.css') {
      send(200, 'text/css', stylesheet);
    } else {
      send(404, 'text/plain', 'not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
