import type { DraftContent, Quote } from '../../../../shared/model/draft';
import { emptySource } from '../../../../shared/model/draft';
import { realisticDraft, seededRandom } from '../../../bench/support/realisticDraft';
import { reblogPost } from '../../../support/fixtures';

function quote(id: string, excerpt: string, source: Partial<Quote['source']>, note = ''): Quote {
  return { id, excerpt, source: { ...emptySource(), ...source }, note, clipboardHtml: null };
}

/**
 * Drafts that are hard to carry through front matter and Markdown: titles YAML would misread,
 * Unicode, excerpts with quote marks, blank lines and "> " of their own, a commentary ending in a
 * blockquote, empty parts, plus realistic long ones and the example post.
 */
export function awkwardDrafts(): DraftContent[] {
  const random = seededRandom(17);
  return [
    reblogPost('https://www.rudaw.net/english/middleeast/iraq/isis'),
    realisticDraft(random, 1),
    realisticDraft(random, 2),
    {
      title: 'yes',
      commentary: '',
      quotes: [],
      hashtags: [],
      featuredImage: null,
    },
    {
      title: '---: a title: with colons, # and "quotes" — 2024',
      commentary: 'Ends in a blockquote of its own:\n\n> not a quote of the draft\n> still not',
      quotes: [
        quote(
          'quote-awkward-01',
          '> a line that starts like a quote\n\n\nthree blank lines above\n',
          {
            url: 'https://example.org/a?b=c&d=e#f',
            title: 'Title: with a colon',
            author: 'Zoë Ångström',
            siteName: '東京新聞',
            publishedAt: '2026-01-02',
            capturedAt: '2026-01-03T04:05:06.000Z',
          },
          'a note\nover two lines',
        ),
        quote('quote-awkward-02', '', { publishedAtText: 'last week' }),
        quote('quote-awkward-03', 'Cut mid-sentence, as copies often are', { url: 'https://example.com/x' }),
      ],
      hashtags: ['Ünïcödé', 'ISIS', '日本'],
      featuredImage: null,
    },
    {
      title: '2024',
      commentary: '   leading spaces and trailing newlines\n\n\n',
      quotes: [quote('quote-awkward-04', '— an excerpt starting with a dash', { title: 'Dash' })],
      hashtags: ['n2024'],
      featuredImage: null,
    },
  ];
}
