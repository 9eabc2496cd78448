import { describe, expect, it } from 'vitest';
import { emptyDraftContent, type DraftContent, type DraftSummary } from '../../../shared/model/draft';
import type { DraftQuery } from '../../../shared/model/library';
import { useTempFolders } from '../../support/tempFolder';
import { openOffline } from './support/offlineLibrary';

const newFolder = useTempFolders();

/** Words with shared beginnings, accents and cases, so that prefixes and folding are tried. */
const WORDS = [
  'harbour',
  'harbours',
  'harbourmaster',
  'lighthouse',
  'Lighthouses',
  'keeper',
  'Zürich',
  'zurich',
  'people',
  'peoples',
  'world',
  'worldly',
  'sea',
  'seaside',
  'über',
  'naïve',
  'article',
  '4242',
  '42',
];
const QUERIES = [
  'harb',
  'harbour',
  'harbourmaste',
  'zurich',
  'ZÜR',
  'people world',
  'peo wor',
  'lighthouse keeper',
  'ub',
  'naive',
  'article 42',
  'sea',
  'nothing',
  '',
];
const FILTERS: DraftQuery[] = [
  {},
  { trash: 'only' },
  { trash: 'include' },
  { tag: 'Sea' },
  { status: 'draft' },
  { status: 'published' },
];

/** A seeded generator, so that a failure can be run again as it was. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function content(next: () => number, label: string): DraftContent {
  const some = (count: number) => Array.from({ length: count }, () => WORDS[Math.floor(next() * WORDS.length)]);
  return {
    ...emptyDraftContent(),
    title: `${label} ${some(2).join(' ')}`,
    commentary: some(Math.floor(next() * 5)).join(', '),
    hashtags: next() < 0.3 ? ['sea'] : [],
  };
}

/** The words a search looks in, as the tokenizer reads them: case and accents folded, split at anything but letters and digits. */
function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** Whether every typed word begins some word of the draft: what search promises, checked without the index. */
function matches(draft: DraftContent, typed: string): boolean {
  const words = wordsOf([draft.title, draft.commentary, ...draft.hashtags].join(' '));
  return wordsOf(typed).every((typedWord) => words.some((word) => word.startsWith(typedWord)));
}

describe('search by pages', () => {
  it('gives each window of the whole list that holds the words, for every filter, before and after reopening', async () => {
    const folder = await newFolder();
    let minutes = 0;
    const open = () => openOffline(folder, () => new Date(Date.parse('2026-11-24T10:00:00.000Z') + minutes * 60_000));
    const next = random(16);
    const contents = new Map<string, DraftContent>();
    let opened = await open();
    const { library } = opened;
    const ids: string[] = [];
    const write = async (label: string) => {
      // Every third draft shares its moment with the one before: the list orders those by id.
      if (ids.length % 3 !== 2) minutes += 1;
      const made = content(next, label);
      const { id } = await library.create(made);
      contents.set(id, made);
      ids.push(id);
    };
    for (let index = 0; index < 30; index += 1) await write(`Draft ${index}`);
    // Searched once here, so that later changes reach an index that is open and in use.
    await opened.view.page({ search: 'harbour' }, 0, 5);
    for (const index of [3, 17, 4]) {
      minutes += 1;
      const id = ids[index] ?? '';
      const changed = content(next, `Edited ${index}`);
      await library.save(id, changed);
      contents.set(id, changed);
    }
    for (const index of [0, 8, 12, 20]) await library.trash(ids[index] ?? '');
    await library.emptyTrash();
    for (const index of [0, 8, 12, 20]) contents.delete(ids[index] ?? '');
    // New drafts after the emptying take the row numbers the deleted ones left: their words must be theirs alone.
    for (let index = 30; index < 36; index += 1) await write(`Draft ${index}`);
    // Drafts brought back after an emptying are indexed again, under new row numbers.
    for (const index of [5, 35]) await library.trash(ids[index] ?? '');
    const { batch } = await library.emptyTrash();
    await write('Draft 36');
    await opened.view.page({ search: 'sea' }, 0, 5);
    await library.undoEmptyTrash(batch ?? '');
    await library.trash(ids[31] ?? '');

    const check = async () => {
      const { view } = opened;
      const everything = await view.list({ trash: 'include' });
      expect(everything.map(({ id }) => id).sort()).toEqual([...contents.keys()].sort());
      let matched = 0;
      for (const filter of FILTERS) {
        const filtered = await view.list(filter);
        for (const search of QUERIES) {
          const expected: DraftSummary[] = filtered.filter(({ id }) => {
            const draft = contents.get(id);
            return draft !== undefined && matches(draft, search);
          });
          matched += expected.length;
          const pieces: DraftSummary[] = [];
          for (let offset = 0; offset <= expected.length; offset += 4) {
            const page = await view.page({ ...filter, search }, offset, 4);
            expect(page.total, `${search} ${JSON.stringify(filter)}`).toBe(expected.length);
            pieces.push(...page.drafts);
          }
          expect(pieces, `${search} ${JSON.stringify(filter)}`).toEqual(expected);
        }
      }
      // The queries found something to page through, under several filters.
      expect(matched).toBeGreaterThan(100);
    };
    await check();
    // Changes between searches: an edit moves its draft to the top of the list (the list the
    // matches are found along changes in place), a new draft is indexed, one goes to the trash
    // and one comes back from it.
    for (const index of [9, 1]) {
      minutes += 1;
      const id = ids[index] ?? '';
      const changed = content(next, `Edited again ${index}`);
      await library.save(id, changed);
      contents.set(id, changed);
      await check();
    }
    await write('Draft 37');
    await check();
    await library.trash(ids[2] ?? '');
    await library.restore(ids[31] ?? '');
    await check();
    await opened.close();
    opened = await open();
    await check();
    await opened.close();
  });
});
