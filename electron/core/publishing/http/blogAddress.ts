import { PublishingError } from '../publishingError';

/**
 * The address a writer typed for a blog, as a URL to ask: https:// when no scheme was given
 * ("example.com"), refused in words when it is not a web address at all.
 */
export function blogAddress(typed: string): string {
  const trimmed = typed.trim();
  const url = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    return new URL(url).toString();
  } catch (error) {
    throw new PublishingError('not-an-api', `"${typed}" is not a web address.`, { cause: error });
  }
}
