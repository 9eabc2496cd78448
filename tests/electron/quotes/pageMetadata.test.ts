import { describe, expect, it } from 'vitest';
import { extractPageMetadata } from '../../../electron/core/quotes/pageMetadata';
import { publicationDate } from '../../../electron/core/quotes/publicationDate';

const url = 'https://news.example/a';

function details(head: string, body = ''): ReturnType<typeof extractPageMetadata> {
  return extractPageMetadata(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, url);
}

describe('extractPageMetadata', () => {
  it('reads Open Graph and article:* properties', () => {
    expect(
      details(
        '<title>Tab title | Site</title><meta property="og:title" content="The &amp; Title">' +
          '<meta property="og:site_name" content="Rudaw"><meta property="article:author" content="https://facebook.com/someone">' +
          '<meta property="article:author" content="Jane Doe"><meta property="article:published_time" content="2016-05-12T09:51:00+03:00">',
      ),
    ).toEqual({
      url,
      title: 'The & Title',
      siteName: 'Rudaw',
      author: 'Jane Doe',
      publishedAt: '2016-05-12T09:51:00+03:00',
      publishedAtText: '',
    });
  });

  it('reads a JSON-LD article inside @graph, following @id references to its author and publisher', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': 'https://news.example/#site', name: 'Site name (not the publisher)' },
        {
          '@type': ['NewsArticle'],
          headline: 'Headline from JSON-LD',
          author: [{ '@id': 'https://news.example/#ann' }, 'Bob Byline', { '@type': 'Person', name: 'Cy' }],
          publisher: { '@id': 'https://news.example/#org' },
          datePublished: '2016-05-12',
        },
        { '@type': 'Person', '@id': 'https://news.example/#ann', name: 'Ann Author' },
        { '@type': 'Organization', '@id': 'https://news.example/#org', name: 'News Example' },
      ],
    };
    expect(
      details(`<script type="application/ld+json">${JSON.stringify(graph)}</script><title>Fallback</title>`),
    ).toEqual({
      url,
      title: 'Headline from JSON-LD',
      siteName: 'News Example',
      author: 'Ann Author, Bob Byline, Cy',
      publishedAt: '2016-05-12',
      publishedAtText: '',
    });
  });

  it('reads a JSON-LD array, skipping invalid scripts and non-article nodes', () => {
    const items = [
      { '@type': 'BreadcrumbList', name: 'Crumbs' },
      { '@type': 'http://schema.org/BlogPosting', name: 'Post name', author: 'Dee Writer', publisher: 'Dee’s Blog' },
    ];
    const result = details(
      `<script type="application/ld+json">{ not json</script><script type="Application/LD+JSON">${JSON.stringify(items)}</script>`,
    );
    expect(result).toMatchObject({
      title: 'Post name',
      author: 'Dee Writer',
      siteName: 'Dee’s Blog',
      publishedAt: null,
    });
  });

  it('reads citation_* tags from scholarly pages', () => {
    expect(
      details(
        '<meta name="citation_title" content="On Quotes"><meta name="citation_author" content="Curie, Marie">' +
          '<meta name="citation_author" content="Noether, Emmy"><meta name="citation_journal_title" content="Journal of Things">' +
          '<meta name="citation_publication_date" content="2016/5/12">',
      ),
    ).toMatchObject({
      title: 'On Quotes',
      author: 'Curie, Marie, Noether, Emmy',
      siteName: 'Journal of Things',
      publishedAt: '2016-05-12',
    });
  });

  it('falls back to <meta name=author> and <title>, ignoring an SVG title', () => {
    expect(
      details(
        '<meta name="author" content="  Plain   Author "><title>\n  Only a title  </title>',
        '<svg><title>icon</title></svg>',
      ),
    ).toEqual({
      url,
      title: 'Only a title',
      siteName: '',
      author: 'Plain Author',
      publishedAt: null,
      publishedAtText: '',
    });
  });

  it('gives empty details for a page without any', () => {
    expect(details('', '<p>Just text</p>')).toEqual({
      url,
      title: '',
      siteName: '',
      author: '',
      publishedAt: null,
      publishedAtText: '',
    });
  });

  it('tolerates broken markup', () => {
    expect(extractPageMetadata('<head><title>Broken <meta property="og:title" content="x', url).title).toBe(
      'Broken <meta property="og:title" content="x',
    );
    expect(extractPageMetadata('<<<>>>\u0000<meta content>', url).title).toBe('');
  });
});

describe('publicationDate', () => {
  it.each([
    ['2016-05-12', '2016-05-12', ''],
    ['2016/5/2', '2016-05-02', ''],
    ['2016-05-12T09:51:00Z', '2016-05-12T09:51:00Z', ''],
    ['2016-05-12T09:51+0100', '2016-05-12T09:51:00+01:00', ''],
    ['2016-05-12T09:51:00.123-04:00', '2016-05-12T09:51:00.123-04:00', ''],
    ['2016-05-12 09:51:00', '2016-05-12', ''],
    ['2016-02-30', null, '2016-02-30'],
    ['yesterday at 09:51', null, 'yesterday at 09:51'],
    ['', null, ''],
  ])('%j is kept as %j / %j', (text, publishedAt, publishedAtText) => {
    expect(publicationDate(text)).toEqual({ publishedAt, publishedAtText });
  });
});
