import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../electron/core/library/searchIndex';
import { DRAFT_SCHEMA_VERSION, DraftSchema, emptyDraftContent, type Draft } from '../../../shared/model/draft';

function draft(id: string, title: string): Draft {
  const at = '2026-11-24T09:00:00.000Z';
  return DraftSchema.parse({
    ...emptyDraftContent(),
    title,
    id,
    schemaVersion: DRAFT_SCHEMA_VERSION,
    createdAt: at,
    updatedAt: at,
    revision: 1,
    trashedAt: null,
  });
}

describe('SearchIndex', () => {
  it('fills in the background, and a search waits until every draft is in', async () => {
    const index = new SearchIndex();
    const ids = Array.from({ length: 50 }, (_, number) => `draft-${String(number).padStart(4, '0')}`);
    index.fill(ids, async (id) => {
      await new Promise((resolve) => setImmediate(resolve));
      return draft(id, id === 'draft-0049' ? 'The last one, about lighthouses' : 'Nothing to see');
    });
    expect(await index.find('lighthouses')).toEqual(new Set(['draft-0049']));
  });

  it('stops filling once stopped, so that a closing process does not read the rest of the library', async () => {
    const index = new SearchIndex();
    const ids = Array.from({ length: 1_000 }, (_, number) => `draft-${String(number).padStart(4, '0')}`);
    let loaded = 0;
    index.fill(ids, async (id) => {
      loaded += 1;
      await new Promise((resolve) => setImmediate(resolve));
      return draft(id, 'Words');
    });
    void index.ready();
    for (let tick = 0; tick < 5; tick += 1) await new Promise((resolve) => setImmediate(resolve));
    await index.stop();
    const loadedWhenStopped = loaded;
    expect(loadedWhenStopped).toBeGreaterThan(0);
    expect(loadedWhenStopped).toBeLessThan(ids.length);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loaded).toBe(loadedWhenStopped);
  });

  it('leaves the start to the window, then fills at once when a search asks', async () => {
    const index = new SearchIndex();
    let loaded = 0;
    index.fill(['draft-0001', 'draft-0002'], async (id) => {
      loaded += 1;
      await Promise.resolve();
      return draft(id, 'Harbour notes');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loaded).toBe(0);
    expect(await index.find('harbour')).toEqual(new Set(['draft-0001', 'draft-0002']));
    expect(loaded).toBe(2);
  });
});
