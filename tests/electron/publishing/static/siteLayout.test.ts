import { describe, expect, it } from 'vitest';
import { customLayoutDefault, layoutPresets } from '../../../../electron/core/publishing/static/siteLayouts';
import { SiteLayoutSchema } from '../../../../shared/model/staticSite';

describe('a static site layout’s featured image field', () => {
  const { hugo } = layoutPresets;

  it('is optional, so a site added before it existed still reads', () => {
    expect('featuredImage' in customLayoutDefault).toBe(false);
    expect(SiteLayoutSchema.parse(customLayoutDefault)).toEqual(customLayoutDefault);
  });

  it('must be a field name of its own: not one Commonplace writes, not a path or YAML', () => {
    for (const field of ['title', 'commonplace', 'draft', 'a b', 'x: y', '', 'images/0']) {
      expect(SiteLayoutSchema.safeParse({ ...hugo, featuredImage: { field, list: false } }).success, field).toBe(false);
    }
    expect(SiteLayoutSchema.parse({ ...hugo, featuredImage: { field: 'cover_image', list: false } })).toMatchObject({
      featuredImage: { field: 'cover_image', list: false },
    });
  });
});
