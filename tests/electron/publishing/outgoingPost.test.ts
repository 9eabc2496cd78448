import { describe, expect, it } from 'vitest';
import { newClientIdentity } from '../../../electron/core/publishing/clientIdentity';
import { outgoingPost } from '../../../electron/core/publishing/outgoingPost';
import { renderPostBody } from '../../../shared/render/post';
import { reblogPost } from '../../support/fixtures';

describe('outgoingPost', () => {
  it('sends the preview HTML, the title and the hashtags as tags', () => {
    const content = reblogPost();
    const post = outgoingPost(content, {
      identity: 'abc-12345678',
      schedule: { status: 'draft' },
      style: { hashtagsInTitle: false },
    });
    expect(post).toEqual({
      identity: 'abc-12345678',
      content,
      title: content.title,
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
});

describe('newClientIdentity', () => {
  it('is the title as a slug with a random suffix, safe for any blog', () => {
    expect(newClientIdentity('Ça va? ISIS in Iraq – 2016!', () => 'k3x9q2m1')).toBe('ca-va-isis-in-iraq-2016-k3x9q2m1');
    expect(newClientIdentity('   ', () => 'k3x9q2m1')).toBe('post-k3x9q2m1');
  });

  it('differs for two posts with the same title', () => {
    const first = newClientIdentity('Same title');
    const second = newClientIdentity('Same title');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^same-title-[a-z0-9]{8}$/);
  });
});
