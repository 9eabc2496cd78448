import { describe, expect, it } from 'vitest';
import { targetLabel } from '../../../renderer/src/components/publish/targetLabel';
import type { PublishState } from '../../../shared/model/draft';

const now = new Date('2026-06-01T12:00:00.000Z');
const onBlog = {
  state: 'published',
  remoteId: '7',
  url: 'https://blog.example/?p=7',
  remoteModifiedAt: '2026-06-01T10:00:00.000Z',
  sentHash: 'abc',
} as const satisfies PublishState;

describe('the link beside a post on a blog opens what exists there', () => {
  it('a published post links to its page', () => {
    expect(targetLabel(onBlog, now)).toEqual({
      text: 'Published',
      link: { text: 'View post', url: onBlog.url },
    });
  });

  it("a draft on the blog opens its preview, or the blog's editor, named for which", () => {
    const preview = { kind: 'preview', url: 'https://blog.example/p/uuid/' } as const;
    const editor = { kind: 'editor', url: 'https://blog.example/wp-admin/post.php?post=7&action=edit' } as const;
    expect(targetLabel({ ...onBlog, held: { as: 'draft', open: preview } }, now)).toEqual({
      text: 'Draft on the blog',
      link: { text: 'Open the draft on the blog', url: preview.url },
    });
    expect(
      targetLabel({ ...onBlog, state: 'changed-since-publish', held: { as: 'draft', open: editor } }, now),
    ).toEqual({
      text: 'Draft on the blog, changed since sent',
      link: { text: 'Open the draft in the blog’s editor', url: editor.url },
    });
  });

  it('a post held where the blog gives no preview or editor has no link: its address shows nothing yet', () => {
    const until = '2026-07-01T09:00:00.000Z';
    const label = targetLabel({ ...onBlog, held: { as: 'scheduled', until, open: null } }, now);
    expect(label.text).toMatch(/^Scheduled for /);
    expect(label.link).toBeNull();
    expect(targetLabel({ ...onBlog, held: { as: 'draft', open: null } }, now).link).toBeNull();
  });

  it('a scheduled time that has passed is a published post, at its address', () => {
    const open = { kind: 'preview', url: 'https://blog.example/p/uuid/' } as const;
    const passed = { ...onBlog, held: { as: 'scheduled', until: '2026-05-01T09:00:00.000Z', open } } as const;
    expect(targetLabel(passed, now)).toEqual({ text: 'Published', link: { text: 'View post', url: onBlog.url } });
  });
});
