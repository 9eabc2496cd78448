import type { PublishState } from '../../../../shared/model/draft';

const stateLabels: Readonly<Record<PublishState['state'], string>> = {
  'not-published': 'Not published',
  queued: 'Queued: goes out when the blog can be reached',
  sending: 'Sending…',
  published: 'Published',
  'changed-since-publish': 'Changed since publish',
  'needs-you': 'Needs you',
  conflict: 'Edited on the blog and here',
};

const moment = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * What the publish panel says of the post on one blog, and whether its address shows anything
 * yet: a post the blog holds as a draft, or until a time still to come, is not at its address.
 * A scheduled time that has passed is a published post (the blog published it then).
 */
export function targetLabel(
  state: PublishState | undefined,
  now: Date,
): { readonly text: string; readonly live: boolean } {
  if (state === undefined) return { text: stateLabels['not-published'], live: false };
  if (state.state !== 'published' && state.state !== 'changed-since-publish') {
    return { text: stateLabels[state.state], live: false };
  }
  const changed = state.state === 'changed-since-publish' ? ', changed since sent' : '';
  const { held } = state;
  if (held?.as === 'draft') return { text: `Draft on the blog${changed}`, live: false };
  if (held?.as === 'scheduled' && Date.parse(held.until) > now.getTime()) {
    return { text: `Scheduled for ${moment.format(new Date(held.until))}${changed}`, live: false };
  }
  return { text: stateLabels[state.state], live: true };
}
