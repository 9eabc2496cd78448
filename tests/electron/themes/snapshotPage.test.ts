import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AssetLoader, type ReadAsset } from '../../../electron/core/themes/assetLoader';
import { captureThemePage } from '../../../electron/core/themes/snapshotPage';
import { cutThemePage, slotMarker } from '../../../shared/theme/themePage';
import { ATTACKER, hostilePage, hostileStylesheet, POST } from './hostilePages';
import { inertnessProblems } from './inertness';

const payloads = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/xss-payloads.json', import.meta.url)), 'utf8'),
) as string[];

const encoder = new TextEncoder();
const files: Record<string, { bytes: Uint8Array; type: string }> = {
  'https://blog.example/theme/style.css': { bytes: encoder.encode(hostileStylesheet), type: 'text/css' },
  'https://blog.example/theme/parts/more.css': { bytes: encoder.encode('.more { color: teal }'), type: 'text/css' },
  'https://blog.example/theme/fonts/theme.woff2': {
    bytes: new Uint8Array([119, 79, 70, 50, 0, 1]),
    type: 'font/woff2',
  },
  'https://blog.example/theme/img/title.png': { bytes: new Uint8Array([137, 80, 78, 71, 13, 10]), type: 'image/png' },
};

function blogAssets(): { read: ReadAsset; requested: string[] } {
  const requested: string[] = [];
  return {
    requested,
    read: (url) => {
      requested.push(url);
      const file = files[url];
      return file ? Promise.resolve(file) : Promise.reject(new Error('HTTP 404'));
    },
  };
}

async function capture(html: string, post = POST) {
  const { read } = blogAssets();
  return captureThemePage(html, post.url, post, new AssetLoader(read));
}

/** A plain theme page around a post body. */
function pageAround(body: string, extra = ''): string {
  return `<!doctype html><html><head><title>t</title></head><body><header><a href="/">Blog</a></header>
<article><h1 class="title">${POST.title}</h1>${extra}<div class="content">${body}</div></article></body></html>`;
}

describe('a theme page taken from a hostile blog', () => {
  it('keeps the theme and marks where the post goes', async () => {
    const captured = await capture(hostilePage);
    expect(captured).not.toBeNull();
    const page = captured?.page ?? '';
    expect(page).toContain(`<div class="entry-content" data-commonplace="body">${slotMarker('body')}</div>`);
    expect(page).toContain(`<h1 class="entry-title" data-commonplace="title">${slotMarker('title')}</h1>`);
    expect(page).toContain(`<span class="tags-links" data-commonplace="tags">Tagged ${slotMarker('tags')}</span>`);
    expect(captured?.tags).toEqual({ link: '<a rel="tag" href="#">{tag}</a>', separator: ', ' });
    expect(captured?.found).toEqual({ title: true, tags: true });
    // The theme's stylesheet, its import, its font and its image, inlined in the cascade's order.
    expect(page).toMatch(/<style>@media screen\{@media print\{\.more\{color:teal\}\}@font-face/);
    expect(page).toContain('src:url(data:font/woff2;base64,d09GMgAB)format("woff2")');
    expect(page).toContain('background:url(data:image/png;base64,iVBORw0K)no-repeat');
    expect(page).toContain('<body class="single single-post">');
    expect(() => cutThemePage(page)).not.toThrow();
  });

  it('leaves nothing that runs, loads, submits or navigates', async () => {
    const page = (await capture(hostilePage))?.page ?? '';
    expect(inertnessProblems(page)).toEqual([]);
    // Only as a link the writer may click (the page's base named the attacker's site).
    expect(page.replaceAll('href="http://attacker.invalid/about/"', '')).not.toContain(ATTACKER);
    expect(page).not.toMatch(/<script|javascript:|http-equiv|<base|<iframe|<object|<embed|<form|<link|srcset|ping=/i);
  });

  it('never fetches what the page only names to run, preload, prefetch or navigate', async () => {
    const { read, requested } = blogAssets();
    await captureThemePage(hostilePage, POST.url, POST, new AssetLoader(read));
    for (const never of [
      'external.js',
      'preload.js',
      'favicon.ico',
      'refresh',
      'iframe',
      'object',
      'embed',
      'video.mp4',
      'poster.png',
      'svg-image.png',
      'sprite.svg',
      'template.png',
      'big.gif',
      'input.png',
    ]) {
      expect(requested.filter((url) => url.includes(never))).toEqual([]);
    }
  });

  const swallowed: string[] = [];
  afterAll(() => {
    // Most payloads leave the post on the page: the test must not pass by finding nothing.
    expect(swallowed.length).toBeLessThan(payloads.length / 4);
  });

  it.each(payloads.map((payload, index) => [index, payload] as const))(
    'stays inert with XSS payload %i in its head, header and post',
    async (_index, payload) => {
      const html = `<!doctype html><html><head>${payload}<title>t</title></head><body><header>${payload}</header>
<article><h1>${POST.title}</h1><div class="content">${POST.html}${payload}</div></article>${payload}</body></html>`;
      const captured = await capture(html);
      // A payload that swallows the post (an unclosed <textarea>…) leaves nothing kept, which is safe too.
      expect(inertnessProblems(captured?.page ?? '')).toEqual([]);
      if (captured === null) swallowed.push(payload);
    },
  );
});

describe('finding the post on its page', () => {
  it('finds a one-paragraph post as the block that holds it, never as the paragraph', async () => {
    const post = { ...POST, html: '<p>Welcome to the blog. This is the first post, short and plain.</p>', tags: [] };
    const captured = await capture(pageAround(post.html), post);
    expect(captured?.page).toContain(`<div class="content" data-commonplace="body">${slotMarker('body')}</div>`);
    expect(captured?.found).toEqual({ title: true, tags: false });
  });

  it('takes the full post, not an excerpt of it shown beside it', async () => {
    const excerpt = '<aside class="related"><p>Reading slowly is a way of listening to the writer…</p></aside>';
    const captured = await capture(pageAround(POST.html, excerpt));
    expect(captured?.page).toContain(`<div class="content" data-commonplace="body">${slotMarker('body')}</div>`);
    expect(captured?.page).toContain('<aside class="related">');
  });

  it('matches the words whatever the markup, entities and typographic quotes', async () => {
    const post = {
      ...POST,
      html: "<p>It's the writer's time &amp; the reader's, \"quoted\".</p><p>Second paragraph here.</p>",
    };
    const shown =
      '<p>It&#8217;s the <strong>writer</strong>&#8217;s time &amp; the reader&#8217;s, &#8220;quoted&#8221;.</p>\n<p>Second paragraph here.</p>';
    const captured = await capture(pageAround(shown), post);
    expect(captured?.page).toContain(`data-commonplace="body">${slotMarker('body')}`);
  });

  it('prefers the heading before the body over the same words in the navigation', async () => {
    const html = `<html><body><nav><a href="/x">${POST.title}</a></nav><h1 class="post-title">${POST.title}</h1><div class="content">${POST.html}</div></body></html>`;
    const page = (await capture(html))?.page ?? '';
    expect(page).toContain(`<h1 class="post-title" data-commonplace="title">${slotMarker('title')}</h1>`);
    expect(page).toContain(
      `<nav><a href="https://blog.example/x" target="_blank" rel="noopener noreferrer">${POST.title}</a></nav>`,
    );
  });

  it('refuses a page nested deeper than any theme, before building its tree', async () => {
    const deep = pageAround(POST.html, `${'<div>'.repeat(5_000)}x${'</div>'.repeat(5_000)}`);
    await expect(capture(deep)).rejects.toThrow(/nests its elements more than 1000 deep/);
  });

  it('gives nothing when the post is not on the page', async () => {
    expect(await capture(pageAround('<p>Another post altogether, about something else.</p>'))).toBeNull();
  });

  it('writes the tags the way a list of links in list items is written', async () => {
    const tags =
      '<ul class="tags"><li class="tag"><a href="/t/reading">Reading</a></li><li class="tag"><a href="/t/attention">Attention</a></li></ul>';
    const captured = await capture(pageAround(POST.html, tags));
    expect(captured?.tags).toEqual({ link: '<li class="tag"><a href="#">{tag}</a></li>', separator: '' });
    expect(captured?.page).toContain(`<ul class="tags" data-commonplace="tags">${slotMarker('tags')}</ul>`);
  });
});
