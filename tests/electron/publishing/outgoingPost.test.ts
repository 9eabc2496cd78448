import { describe, expect, it } from 'vitest';
import { isSlugIdentity, newClientIdentity } from '../../../electron/core/publishing/clientIdentity';
import { outgoingPost } from '../../../electron/core/publishing/outgoingPost';
import { renderPostBody } from '../../../shared/render/post';
import { reblogPost } from '../../support/fixtures';

describe('outgoingPost', () => {
  it('sends the preview HTML, the title, a slug made from it, and the hashtags as tags', () => {
    const content = reblogPost();
    const post = outgoingPost(content, {
      identity: 'commonplace-k3x9q2m1',
      schedule: { status: 'draft' },
      style: { hashtagsInTitle: false },
    });
    expect(post).toEqual({
      identity: 'commonplace-k3x9q2m1',
      content,
      title: content.title,
      slug: {
        chosen: false,
        own: 'isis-in-iraq-a-shadow-of-its-former-self-can-this-be-really-true',
        latin: 'isis-in-iraq-a-shadow-of-its-former-self-can-this-be-really-true',
      },
      summary: '',
      categories: [],
      html: renderPostBody(content),
      tags: ['ISIS', 'Iraq'],
      schedule: { status: 'draft' },
    });
  });

  it('appends the hashtags to the title when the account asks for it, and only when there are some', () => {
    const content = reblogPost();
    const style = { hashtagsInTitle: true };
    const schedule = { status: 'publish' } as const;
    expect(outgoingPost(content, { identity: 'a', schedule, style }).title).toBe(`${content.title} #ISIS #Iraq`);
    expect(outgoingPost({ ...content, hashtags: [] }, { identity: 'a', schedule, style }).title).toBe(content.title);
  });

  it("makes the slug from the writer's title alone, never from the hashtags or the identity", () => {
    const content = { ...reblogPost(), title: 'Can this be <really> true?' };
    const post = outgoingPost(content, {
      identity: 'commonplace-k3x9q2m1',
      schedule: { status: 'publish' },
      style: { hashtagsInTitle: true },
    });
    expect(post.slug).toEqual({ chosen: false, own: 'can-this-be-really-true', latin: 'can-this-be-really-true' });
  });

  it('sends the excerpt, and the categories chosen for the blog it goes to', () => {
    const content = {
      ...reblogPost(),
      options: { slug: '', summary: ' A summary. ', categories: { 'blog-one': ['Notes'], 'blog-two': ['Other'] } },
    };
    const post = outgoingPost(content, {
      identity: 'a',
      schedule: { status: 'publish' },
      style: { hashtagsInTitle: false },
      accountId: 'blog-one',
    });
    expect(post).toMatchObject({ summary: 'A summary.', categories: ['Notes'] });
  });

  it("sends the writer's own slug when they chose one", () => {
    const content = { ...reblogPost(), options: { slug: 'My Own Address', summary: '', categories: {} } };
    const post = outgoingPost(content, {
      identity: 'a',
      schedule: { status: 'publish' },
      style: { hashtagsInTitle: false },
    });
    expect(post.slug).toEqual({ chosen: true, own: 'my-own-address', latin: 'my-own-address' });
  });
});

describe('newClientIdentity', () => {
  it('is a random token, never the title, and tells itself apart from identities that were slugs', () => {
    expect(newClientIdentity(() => 'k3x9q2m1')).toBe('commonplace-k3x9q2m1');
    expect(isSlugIdentity(newClientIdentity())).toBe(false);
    expect(isSlugIdentity('isis-in-iraq-a-shadow-of-its-former-self-k3x9q2m1')).toBe(true);
  });

  it('differs for two posts', () => {
    const first = newClientIdentity();
    expect(first).not.toBe(newClientIdentity());
    expect(first).toMatch(/^commonplace-[a-z0-9]{8}$/);
  });
});
