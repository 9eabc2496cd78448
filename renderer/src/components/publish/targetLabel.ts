import type { BlogHold, PublishState } from '../../../../shared/model/draft';

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

/** A link to what exists on the blog, named for what it opens. */
export interface TargetLink {
  readonly text: string;
  readonly url: string;
}

/**
 * What the publish panel says of the post on one blog, and the link that opens what exists: the
 * post at its address once readers see it; while the blog holds it as a draft, or until a time
 * still to come, its preview or the blog's editor where the blog has one, else nothing (its
 * address shows nothing yet). A scheduled time that has passed is a published post.
 */
export function targetLabel(
  state: PublishState | undefined,
  now: Date,
): { readonly text: string; readonly link: TargetLink | null } {
  if (state === undefined) return { text: stateLabels['not-published'], link: null };
  if (state.state !== 'published' && state.state !== 'changed-since-publish') {
    return { text: stateLabels[state.state], link: null };
  }
  const changed = state.state === 'changed-since-publish' ? ', changed since sent' : '';
  const { held } = state;
  if (held?.as === 'draft') return { text: `Draft on the blog${changed}`, link: heldLink(held, 'the draft') };
  if (held?.as === 'scheduled' && Date.parse(held.until) > now.getTime()) {
    return {
      text: `Scheduled for ${moment.format(new Date(held.until))}${changed}`,
      link: heldLink(held, 'the scheduled post'),
    };
  }
  return { text: stateLabels[state.state], link: { text: 'View post', url: state.url } };
}

function heldLink({ open }: BlogHold, what: string): TargetLink | null {
  if (open === null) return null;
  const text = open.kind === 'preview' ? `Open ${what} on the blog` : `Open ${what} in the blog’s editor`;
  return { text, url: open.url };
}
