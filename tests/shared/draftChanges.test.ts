import { describe, expect, it } from 'vitest';
import { DraftChangesSchema, type DraftContent } from '../../shared/model/draft';
import { applyChanges, changesBetween, combineChanges } from '../../shared/model/draftChanges';
import { reblogPost } from '../support/fixtures';

const photo = { file: `${'a'.repeat(64)}.jpg`, alt: 'A river at dusk' };

describe('the changes autosave sends', () => {
  it('are only the fields the editor replaced, and name every quote it left alone', () => {
    const saved = reblogPost();
    const [first, ...rest] = saved.quotes;
    if (!first) throw new Error('the example post has a quote');
    const edited = { ...first, note: 'Worth rereading.' };
    const current: DraftContent = { ...saved, title: 'A new title', quotes: [edited, ...rest] };

    const changes = changesBetween(saved, current);
    expect(changes).toEqual({
      title: 'A new title',
      quotes: [edited, ...rest.map((quote) => ({ unchanged: quote.id }))],
    });
    expect(DraftChangesSchema.parse(changes)).toEqual(changes);
    expect(applyChanges(saved, changes)).toEqual(current);
    expect(changesBetween(saved, saved)).toEqual({});
  });

  it('carry the featured image when it is set, and when it is cleared (null is a change, absence is not)', () => {
    const saved = reblogPost();
    const featured: DraftContent = { ...saved, featuredImage: photo };

    const setting = changesBetween(saved, featured);
    expect(setting).toEqual({ featuredImage: photo });
    expect(applyChanges(saved, setting)?.featuredImage).toEqual(photo);

    const clearing = changesBetween(featured, saved);
    expect(clearing).toEqual({ featuredImage: null });
    expect(applyChanges(featured, clearing)?.featuredImage).toBeNull();
    expect(applyChanges(featured, { title: 'Only the title' })?.featuredImage).toEqual(photo);
  });

  it('carry the post options when they change, and keep them when a save changes something else', () => {
    const saved = reblogPost();
    const options = { slug: 'my-address', summary: 'In a line.', categories: { 'account-one': ['Notes'] } };
    const withOptions: DraftContent = { ...saved, options };

    const setting = changesBetween(saved, withOptions);
    expect(setting).toEqual({ options });
    expect(DraftChangesSchema.parse(setting)).toEqual(setting);
    expect(applyChanges(saved, setting)?.options).toEqual(options);
    expect(applyChanges(withOptions, { title: 'Only the title' })?.options).toEqual(options);
  });

  it('cannot be applied when a quote named as unchanged is no longer in the draft', () => {
    const saved = reblogPost();
    expect(
      applyChanges({ ...saved, quotes: [] }, changesBetween(saved, { ...saved, quotes: [...saved.quotes] })),
    ).toBeNull();
  });

  it('made in turn combine into one: the later wins, a quote it names is the one the earlier sent', () => {
    const saved = reblogPost();
    const [first] = saved.quotes;
    if (!first) throw new Error('the example post has a quote');
    const edited = { ...first, note: 'Sent by the first save.' };
    const earlier = { quotes: [edited], featuredImage: photo };
    const later = { title: 'Later', quotes: [{ unchanged: first.id }], featuredImage: null };

    expect(combineChanges(earlier, later)).toEqual({ title: 'Later', quotes: [edited], featuredImage: null });
  });
});
