import { TZDate, tzOffset } from '@date-fns/tz';
import type { BlogTimeZone } from '../../../shared/model/blogFeatures';

/** "UTC+05:30": an offset from UTC as people read it. */
export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${String(hours).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

/** The zone's name and its offset at `at`: "Europe/Paris (UTC+01:00)"; the computer's zone when the blog names none. */
export function zoneLabel(zone: BlogTimeZone | null, at: Date): string {
  if (zone === null) {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return `this computer's time zone, ${own} (${offsetLabel(-at.getTimezoneOffset())})`;
  }
  if (zone.kind === 'offset') return offsetLabel(zone.minutes);
  return `${zone.name} (${offsetLabel(tzOffset(zone.name, at))})`;
}

const wallTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The moment a wall-clock time ("2026-12-24T09:30", as a datetime-local field gives it) names in
 * the blog's time zone, or null when the text is not such a time.
 */
export function momentInZone(local: string, zone: BlogTimeZone | null): Date | null {
  const parts = wallTime.exec(local)?.slice(1).map(Number);
  if (parts?.length !== 5) return null;
  const [year = 0, month = 1, day = 1, hours = 0, minutes = 0] = parts;
  if (zone === null) return new Date(year, month - 1, day, hours, minutes);
  if (zone.kind === 'offset') return new Date(Date.UTC(year, month - 1, day, hours, minutes) - zone.minutes * 60_000);
  return new Date(new TZDate(year, month - 1, day, hours, minutes, zone.name).getTime());
}
