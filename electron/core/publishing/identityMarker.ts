import type { ClientIdentity } from './blogAdapter';

/**
 * The client identity as an HTML comment at the end of a post's content, for protocols with no
 * hidden field to carry it (MetaWeblog, Micropub): readers never see a comment, and a blog's
 * search finds it in the stored content.
 */
export function withIdentityMarker(html: string, identity: ClientIdentity): string {
  // Right after the last character, so that a server trimming the content keeps it whole.
  return `${html.trimEnd()}${marker(identity)}`;
}

const markerPattern = /<!-- commonplace:([a-z0-9-]+) -->\s*$/;

function marker(identity: ClientIdentity): string {
  return `<!-- commonplace:${identity} -->`;
}

/** The identity a post's content carries, or null for a post made elsewhere. */
export function identityInMarker(html: string): ClientIdentity | null {
  return markerPattern.exec(html)?.[1] ?? null;
}

/** The content as sent, without the identity's comment (and so without the whitespace it followed). */
export function withoutIdentityMarker(html: string): string {
  return html.replace(markerPattern, '');
}
