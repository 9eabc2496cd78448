import { Parser } from 'htmlparser2';
import type { Source } from '../../../shared/model/draft';
import { limits } from '../../../shared/model/limits';
import { articleFromJsonLd } from './jsonLd';
import { publicationDate } from './publicationDate';

/** What a source page says about itself; empty strings (and null) where it says nothing. */
export interface PageMetadata extends Pick<
  Source,
  'title' | 'siteName' | 'author' | 'publishedAt' | 'publishedAtText'
> {
  /** The address the details were read from, after redirects. */
  readonly url: string;
}

interface PageTags {
  /** <meta> content by lower-case property, name or itemprop, in page order. */
  readonly meta: Map<string, string[]>;
  readonly titleElement: string;
  readonly jsonLd: string[];
}

/**
 * Reads a page's details from its markup: Open Graph and article:* properties, JSON-LD, Highwire
 * citation_* tags (scholarly pages), <meta name=author> and Dublin Core, and the <title> element,
 * preferring the most specific. Pure and tolerant: broken markup gives fewer details, never an error.
 */
export function extractPageMetadata(html: string, url: string): PageMetadata {
  const tags = readTags(html);
  const article = articleFromJsonLd(tags.jsonLd);
  const first = (...candidates: (string | undefined)[]): string =>
    clean(candidates.find((candidate) => candidate !== undefined && clean(candidate) !== '') ?? '');
  const meta = (name: string): string | undefined => tags.meta.get(name)?.find((value) => value.trim() !== '');
  const published = first(
    meta('article:published_time'),
    article?.published,
    meta('citation_publication_date'),
    meta('citation_online_date'),
    meta('citation_date'),
    meta('dc.date'),
    meta('date'),
  );
  return {
    url,
    title: first(
      meta('og:title'),
      article?.title,
      meta('citation_title'),
      meta('twitter:title'),
      meta('dc.title'),
      tags.titleElement,
    ),
    siteName: first(meta('og:site_name'), article?.siteName, meta('citation_journal_title'), meta('application-name')),
    author: first(
      article?.author,
      personNames(tags.meta.get('article:author')),
      personNames(tags.meta.get('citation_author')),
      meta('author'),
      meta('dc.creator'),
    ),
    ...publicationDate(published),
  };
}

function readTags(html: string): PageTags {
  const meta = new Map<string, string[]>();
  const jsonLd: string[] = [];
  let titleElement = '';
  let inTitle = false;
  let inSvg = 0;
  let script: string[] | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'svg') inSvg += 1;
        if (name === 'meta') addMeta(meta, attributes);
        if (name === 'title' && inSvg === 0 && titleElement === '') inTitle = true;
        if (name === 'script' && (attributes['type'] ?? '').trim().toLowerCase() === 'application/ld+json') script = [];
      },
      ontext(text) {
        if (inTitle) titleElement += text;
        if (script !== null) script.push(text);
      },
      onclosetag(name) {
        if (name === 'svg' && inSvg > 0) inSvg -= 1;
        if (name === 'title') inTitle = false;
        if (name === 'script' && script !== null) {
          jsonLd.push(script.join(''));
          script = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { meta, titleElement, jsonLd };
}

function addMeta(meta: Map<string, string[]>, attributes: Record<string, string>): void {
  const content = attributes['content'];
  const key = attributes['property'] ?? attributes['name'] ?? attributes['itemprop'];
  if (content === undefined || key === undefined) return;
  const name = key.trim().toLowerCase();
  const values = meta.get(name) ?? [];
  values.push(content);
  meta.set(name, values);
}

/** Authors given as several tags, one person each; profile URLs (Facebook's article:author) skipped. */
function personNames(values: readonly string[] | undefined): string | undefined {
  const people = (values ?? []).map(clean).filter((value) => value !== '' && !/^https?:\/\//i.test(value));
  return people.length === 0 ? undefined : [...new Set(people)].join(', ');
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, limits.sourceFieldCharacters);
}
