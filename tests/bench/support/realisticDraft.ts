import type { DraftLibrary } from '../../../electron/core/library/draftLibrary';
import { emptySource, type DraftContent } from '../../../shared/model/draft';

const WORDS =
  'the a of to and in is that it for on was with as by this be are from at or an have not but they which one you were all we her she there would their will when who him been has more if no out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(
    ' ',
  );

/** A deterministic generator, so every run of the benchmark writes the same library. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function prose(random: () => number, words: number): string {
  const paragraphs: string[] = [];
  let written = 0;
  while (written < words) {
    const length = Math.min(words - written, 60 + Math.floor(random() * 80));
    const paragraph = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    paragraphs.push(`${paragraph.charAt(0).toUpperCase()}${paragraph.slice(1)}.`);
    written += length;
  }
  return paragraphs.join('\n\n');
}

/** A draft of realistic size: about 1,500 words of commentary and excerpts, two quotes, tags. */
export function realisticDraft(random: () => number, index: number): DraftContent {
  const quote = (n: number) => ({
    id: `bench-quote-${index}-${n}`,
    excerpt: prose(random, 250),
    note: '',
    clipboardHtml: null,
    source: {
      ...emptySource(),
      url: `https://news.example.com/${index}/${n}`,
      title: `Article ${index}.${n}`,
      author: 'A. Reporter',
      siteName: 'The Example News',
    },
  });
  return {
    title: `Draft ${index}: ${prose(random, 8)}`,
    commentary: prose(random, 1_000),
    quotes: [quote(1), quote(2)],
    hashtags: [`tag${index % 50}`, `topic${index % 7}`],
    featuredImage: null,
  };
}

/** Fills a library with `count` realistic drafts, the same ones for the same count; their ids. */
export async function addRealisticDrafts(library: DraftLibrary, count: number): Promise<string[]> {
  const random = seededRandom(count);
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) ids.push((await library.create(realisticDraft(random, index))).id);
  return ids;
}

/** A draft whose commentary has about `words` words, titled "A post of N words". */
export function draftOfWords(words: number): DraftContent {
  const random = seededRandom(words);
  const base = realisticDraft(random, words);
  const paragraphs = Math.ceil(words / 1_000);
  const commentary = Array.from({ length: paragraphs }, () => realisticDraft(random, words).commentary).join('\n\n');
  return { ...base, title: `A post of ${words} words`, commentary };
}
