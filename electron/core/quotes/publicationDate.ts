import { z } from 'zod';
import type { Source } from '../../../shared/model/draft';

const isoDate = z.iso.date();
const isoTimestamp = z.iso.datetime({ offset: true });
const dateLike =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A publication date as the Source schema keeps it: an exact ISO date or timestamp when the text
 * is one (in the spellings pages use: "2016/05/12", "2016-05-12T09:51:00+0000"), otherwise the
 * text as the page gave it.
 */
export function publicationDate(text: string): Pick<Source, 'publishedAt' | 'publishedAtText'> {
  const trimmed = text.trim();
  const exact = exactDate(trimmed);
  return exact === null ? { publishedAt: null, publishedAtText: trimmed } : { publishedAt: exact, publishedAtText: '' };
}

function exactDate(text: string): string | null {
  const match = dateLike.exec(text);
  if (!match) return null;
  const [, year = '', month = '', day = '', time, zone] = match;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isoDate.safeParse(date).success) return null;
  // A time without a zone is not an instant; the day is still exact.
  if (time === undefined || zone === undefined) return date;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const timestamp = `${date}T${time.length === 5 ? `${time}:00` : time}${offset}`;
  return isoTimestamp.safeParse(timestamp).success ? timestamp : date;
}
