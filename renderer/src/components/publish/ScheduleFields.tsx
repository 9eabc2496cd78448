import type { BlogTimeZone } from '../../../../shared/model/blogFeatures';
import { zoneLabel } from '../../format/blogTime';

export type When = 'publish' | 'draft' | 'future';

interface ScheduleFieldsProps {
  readonly when: When;
  readonly onWhen: (when: When) => void;
  /** The wall-clock time as typed, in the blog's zone ("2026-12-24T09:30"). */
  readonly time: string;
  readonly onTime: (time: string) => void;
  /** The zone the time is read in, and whose zone it is. */
  readonly zone: { readonly zone: BlogTimeZone | null; readonly blogName: string | null };
  /** The moment the time names, or null while it is not a time. */
  readonly moment: Date | null;
  readonly now: Date;
}

const labels: Readonly<Record<When, string>> = {
  publish: 'Now',
  draft: 'As a draft on the blog',
  future: 'At a set time',
};

/** When the post goes live; a set time is read in the blog's own time zone, which is shown. */
export function ScheduleFields({ when, onWhen, time, onTime, zone, moment, now }: ScheduleFieldsProps) {
  const past = when === 'future' && moment !== null && moment.getTime() <= now.getTime();
  return (
    <fieldset className="publish-when">
      <legend>When</legend>
      {(['publish', 'draft', 'future'] as const).map((option) => (
        <label key={option}>
          <input type="radio" name="when" checked={when === option} onChange={() => onWhen(option)} />
          {labels[option]}
        </label>
      ))}
      {when === 'future' && (
        <div className="schedule-time">
          <input
            type="datetime-local"
            aria-label="Publication time"
            aria-describedby="schedule-zone"
            value={time}
            onChange={(event) => onTime(event.target.value)}
          />
          <span id="schedule-zone" className="field-note">
            {zone.blogName === null ? 'In ' : `In ${zone.blogName}’s time zone: `}
            {zoneLabel(zone.zone, moment ?? now)}
          </span>
          {past && (
            <p role="alert" className="warning">
              This time has passed: the blog will publish the post at once, dated{' '}
              {moment.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} (your time).
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
