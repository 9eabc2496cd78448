import { casual } from 'chrono-node/en';

/**
 * A date a page wrote relative to when it was read ("yesterday at 09:51", "2 hours ago", "August
 * 10, 2016"), as the ISO date it names, read against the moment the quote was captured; null when
 * the text names no certain day. The day is the capturing computer's: the page's zone is unknown.
 */
export function resolveRelativeDate(text: string, capturedAt: string): string | null {
  const reference = new Date(capturedAt);
  if (Number.isNaN(reference.getTime())) return null;
  const [found] = casual.parse(text, reference);
  if (!found?.start.isCertain('day')) return null;
  const day = found.start.date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
