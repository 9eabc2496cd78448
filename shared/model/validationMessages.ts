import type { z } from 'zod';
import { formatCount } from '../text/numbers';

/** Fields by their key, as a writer knows them. */
const fieldWords: Readonly<Record<string, string>> = {
  title: 'title',
  commentary: 'commentary',
  excerpt: 'excerpt',
  note: 'note',
  clipboardHtml: 'copied HTML',
  url: 'address',
  address: 'address',
  author: 'author',
  siteName: 'site name',
  publishedAt: 'date',
  publishedAtText: 'date',
  capturedAt: 'capture time',
  hashtags: 'hashtags',
  quotes: 'quotes',
  user: 'user name',
  secret: 'password or key',
  accountId: 'blog',
  accountIds: 'blogs',
  draftId: 'draft',
  entryId: 'outbox entry',
  search: 'search',
  tag: 'tag',
  status: 'status',
  revision: 'revision',
  formats: 'clipboard',
  options: 'options',
  maxImageSide: 'longest image side, in pixels,',
  schedule: 'schedule',
};

/** Fields named by a plural noun: "the hashtags are missing", not "is". */
const pluralFields = new Set(['hashtags', 'quotes', 'blogs', 'options', 'changes', 'categories']);

/** "is", or "are" for a field named by a plural noun (the last word decides, as in "the quotes"). */
function be(field: string): 'is' | 'are' {
  return pluralFields.has(field.split(' ').at(-1) ?? '') ? 'are' : 'is';
}

/** What a list of each is called, for "has more than N …". */
const itemWords: Readonly<Record<string, string>> = { quotes: 'quotes', hashtags: 'hashtags', accountIds: 'blogs' };

/** Keys that only wrap what the writer knows ("content" of a save, "source" of a quote's fields). */
const wrappers = new Set(['content', 'input']);

/**
 * The field an issue's path points at, in words: ["content", "quotes", 1, "source", "title"] is
 * "the source title of quote 2"; an empty path is the request as a whole.
 */
export function fieldName(path: readonly PropertyKey[]): string {
  const keys = path.filter((key) => typeof key === 'number' || !wrappers.has(String(key)));
  let owner = '';
  let leaf = '';
  let inSource = false;
  for (const [position, key] of keys.entries()) {
    const previous = keys[position - 1];
    if (typeof key === 'number') {
      if (previous === 'quotes') [owner, leaf, inSource] = [`quote ${key + 1}`, '', false];
      else if (previous === 'hashtags') leaf = `hashtag ${key + 1}`;
      else leaf = `item ${key + 1} of ${leaf || 'the list'}`;
      continue;
    }
    const name = String(key);
    inSource ||= name === 'source';
    const words = name === 'source' ? 'source' : (fieldWords[name] ?? spaced(name));
    leaf = inSource && (name === 'title' || name === 'url') ? `source ${words}` : `the ${words}`;
  }
  if (leaf.startsWith('source ')) leaf = `the ${leaf}`;
  if (owner === '') return leaf === '' ? 'the request' : leaf;
  return leaf === '' ? owner : `${leaf} of ${owner}`;
}

/** One issue as a sentence a writer can act on; zod's own words describe JSON, not a draft. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path);
  const last = issue.path.at(-1);
  switch (issue.code) {
    case 'too_big': {
      const limit = formatCount(Number(issue.maximum));
      if (issue.origin === 'string') return `${capital(field)} ${be(field)} longer than ${limit} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `${capital(field)} has more than ${limit} ${itemWords[String(last)] ?? 'items'}.`;
      }
      return `${capital(field)} ${be(field)} more than ${limit}.`;
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') {
        return minimum <= 1
          ? `${capital(field)} ${be(field)} empty.`
          : `${capital(field)} ${be(field)} shorter than ${formatCount(minimum)} characters.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `${capital(field)} needs at least ${formatCount(minimum)} ${itemWords[String(last)] ?? 'items'}.`;
      }
      return `${capital(field)} ${be(field)} less than ${formatCount(minimum)}.`;
    }
    case 'invalid_type':
      return issue.input === undefined
        ? `${capital(field)} ${be(field)} missing.`
        : `${capital(field)} should be ${typeWords(issue.expected)}.`;
    case 'invalid_format':
      return `${capital(field)} ${formatWords(issue)}`;
    case 'invalid_value':
      return `${capital(field)} ${be(field)} not one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`;
    case 'unrecognized_keys':
      return `${capital(field)} has fields the app does not know: ${issue.keys.join(', ')}.`;
    case 'invalid_union': {
      // The first alternative says it well enough (a date or a timestamp: "is not a date").
      const first = issue.errors[0]?.[0];
      return first
        ? describeIssue({ ...first, path: [...issue.path, ...first.path] })
        : `${capital(field)} ${be(field)} not in the expected form.`;
    }
    case 'custom':
      // A refinement's message is the schema's own wording.
      return `${capital(field)}: ${issue.message}.`;
    default:
      return `${capital(field)} ${be(field)} not in the expected form.`;
  }
}

/** Every issue of a failed validation in words, the first few of them when there are many. */
export function describeValidation(error: z.ZodError, shown = 3): string {
  const sentences = [...new Set(error.issues.map(describeIssue))];
  const more = sentences.length - shown;
  return sentences.slice(0, shown).join(' ') + (more > 0 ? ` (And ${more} more problem${more === 1 ? '' : 's'}.)` : '');
}

function formatWords(issue: z.core.$ZodIssueInvalidStringFormat): string {
  if (issue.format === 'url') return 'is not a web address (http:// or https://).';
  if (issue.format === 'datetime' || issue.format === 'date') return 'is not a date.';
  if (issue.format === 'regex' && !issue.message.startsWith('Invalid')) return `is not valid: ${issue.message}.`;
  return 'is not in the expected form.';
}

function typeWords(expected: string): string {
  const words: Readonly<Record<string, string>> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'yes or no',
    array: 'a list',
    object: 'a set of fields',
    null: 'empty',
  };
  return words[expected] ?? expected;
}

function spaced(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
