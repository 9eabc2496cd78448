/** What an article's JSON-LD (schema.org) says about it; empty strings where it says nothing. */
export interface JsonLdArticle {
  readonly title: string;
  readonly author: string;
  readonly siteName: string;
  readonly published: string;
}

type JsonObject = Readonly<Record<string, unknown>>;

/** schema.org types that describe a piece of writing with a headline, author and date. */
const articleTypes = new Set([
  'article',
  'newsarticle',
  'blogposting',
  'scholarlyarticle',
  'techarticle',
  'report',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'backgroundnewsarticle',
  'liveblogposting',
  'socialmediaposting',
  'discussionforumposting',
]);

const maximumDepth = 8;

/**
 * Reads the first article described by a page's application/ld+json scripts, wherever it sits: at
 * the top, in an array, or in an @graph whose nodes refer to each other by @id (an author or
 * publisher given as {"@id": …} is looked up there). Scripts that are not valid JSON are skipped.
 */
export function articleFromJsonLd(scripts: readonly string[]): JsonLdArticle | null {
  const nodes: JsonObject[] = [];
  for (const script of scripts) {
    const value = parseJson(script);
    if (value !== undefined) collectNodes(value, nodes, 0);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
  }
  const article = nodes.find(isArticle);
  if (article === undefined) return null;
  return {
    title: text(article['headline']) || text(article['name']),
    author: names(article['author'], byId, 0).join(', '),
    siteName: names(article['publisher'], byId, 0)[0] ?? '',
    published: text(article['datePublished']) || text(article['dateCreated']),
  };
}

function parseJson(script: string): unknown {
  // Some sites still wrap scripts in HTML comments or CDATA sections for very old browsers.
  const body = script
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>)$/, '');
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function collectNodes(value: unknown, nodes: JsonObject[], depth: number): void {
  if (depth > maximumDepth) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, nodes, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  nodes.push(value);
  const graph = value['@graph'];
  if (graph !== undefined) collectNodes(graph, nodes, depth + 1);
}

function isArticle(node: JsonObject): boolean {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((name) => typeof name === 'string' && articleTypes.has(localName(name)));
}

/** "http://schema.org/NewsArticle" and "schema:NewsArticle" are "newsarticle". */
function localName(type: string): string {
  return (type.split(/[/:#]/).pop() ?? '').toLowerCase();
}

/** The names in a person or organization value: a string, {name}, {"@id"}, or a list of them. */
function names(value: unknown, byId: ReadonlyMap<string, JsonObject>, depth: number): string[] {
  if (depth > maximumDepth) return [];
  if (typeof value === 'string') return value.trim() === '' || /^https?:\/\//i.test(value) ? [] : [text(value)];
  if (Array.isArray(value)) return value.flatMap((item) => names(item, byId, depth + 1));
  if (!isObject(value)) return [];
  const name = text(value['name']);
  if (name !== '') return [name];
  const id = value['@id'];
  const referenced = typeof id === 'string' ? byId.get(id) : undefined;
  return referenced === undefined || referenced === value ? [] : names(referenced, byId, depth + 1);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
