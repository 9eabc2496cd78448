// Per-keystroke render time in Node: the full renderer (renderPostBody) against the incremental
// one (shared/render/incremental.ts), typing into posts of 1,000 and 10,000 words.
import type { DraftContent } from '../../shared/model/draft';
import { createIncrementalRenderer } from '../../shared/render/incremental';
import { renderPostBody } from '../../shared/render/post';
import { ms, summarizeSample } from './support/stats';
import { realisticDraft, seededRandom } from './support/realisticDraft';

const KEYSTROKES = 200;
const WARM_UP = 50;
const SIZES = [1_000, 10_000] as const;
const TYPED = ['e', 't', 'a', 'o', 'i', 'n', 's', 'h', 'r', 'd', 'l', 'u', ' ', ',', '.'];
const BAR_MS = 16;

const VOCABULARY =
  'the writer quotes a passage from an article about Iraq and its former self then adds her own view on what it means for the region and for those who read the news every day'.split(
    ' ',
  );

function pick<Item>(random: () => number, items: readonly Item[]): Item {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A run of words with now and then emphasis or an inline link, as commentary reads. */
function sentence(random: () => number, words: number): string {
  const parts = Array.from({ length: words }, (_, index) => {
    const word = pick(random, VOCABULARY);
    const roll = random();
    if (roll < 0.02) return `[${word}](https://news.example.com/${index})`;
    if (roll < 0.04) return `*${word}*`;
    if (roll < 0.05) return `**${word}**`;
    return word;
  });
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Markdown commentary of about `words` words: paragraphs, now and then a list or a heading. */
function commentaryOfWords(random: () => number, words: number, withDefinition: boolean): string {
  const blocks: string[] = [];
  let written = 0;
  while (written < words) {
    const roll = random();
    if (roll < 0.1) {
      const items = 2 + Math.floor(random() * 4);
      blocks.push(Array.from({ length: items }, () => `- ${sentence(random, 8)}`).join('\n'));
      written += items * 8;
    } else if (roll < 0.14) {
      blocks.push(`## ${sentence(random, 5)}`);
      written += 5;
    } else {
      const length = 40 + Math.floor(random() * 80);
      blocks.push(sentence(random, length));
      written += length;
    }
  }
  if (withDefinition) blocks.push('See [the report][report].', '[report]: https://news.example.com/report');
  return blocks.join('\n\n');
}

function postOfWords(words: number, withDefinition: boolean): DraftContent {
  const random = seededRandom(words);
  const draft = realisticDraft(random, words);
  return { ...draft, commentary: commentaryOfWords(random, words, withDefinition) };
}

/** The commentary after each of KEYSTROKES characters typed at random places, in order. */
function keystrokes(commentary: string, seed: number): string[] {
  const random = seededRandom(seed);
  const versions: string[] = [];
  let text = commentary;
  for (let index = 0; index < KEYSTROKES; index += 1) {
    const at = Math.floor(random() * (text.length + 1));
    text = text.slice(0, at) + pick(random, TYPED) + text.slice(at);
    versions.push(text);
  }
  return versions;
}

/**
 * Times each keystroke's render. Rendering the post as opened and a warm-up run of typing are
 * not timed, so that the figures are of a preview in use rather than of the JIT compiler.
 */
function timeKeystrokes(
  post: DraftContent,
  warmUp: readonly string[],
  versions: readonly string[],
  render: (content: DraftContent) => string,
) {
  render(post);
  for (const commentary of warmUp) render({ ...post, commentary });
  const outputs: string[] = [];
  const sample = versions.map((commentary) => {
    const start = performance.now();
    const html = render({ ...post, commentary });
    const elapsed = performance.now() - start;
    outputs.push(html);
    return elapsed;
  });
  return { ...summarizeSample(sample), outputs };
}

interface Row {
  readonly label: string;
  readonly median: number;
  readonly p95: number;
}

function row({ label, median, p95 }: Row): string {
  return `${label.padEnd(60)} median ${ms(median).padStart(9)}   p95 ${ms(p95).padStart(9)}`;
}

/** Prints median and p95 per keystroke for both renderers, and the ratio full / incremental. */
export function benchRender(): Promise<void> {
  console.log('\n== Preview render per keystroke in Node (200 characters typed at random places)');
  for (const words of SIZES) {
    for (const withDefinition of [false, true]) {
      const post = postOfWords(words, withDefinition);
      const warmUp = keystrokes(post.commentary, words + 2).slice(0, WARM_UP);
      const versions = keystrokes(post.commentary, words + 1);
      const renderer = createIncrementalRenderer();
      const incremental = timeKeystrokes(post, warmUp, versions, (content) => renderer.render(content).html);
      const full = timeKeystrokes(post, warmUp, versions, renderPostBody);
      // A fast preview that differs from what is published would be worthless: check every keystroke.
      if (incremental.outputs.some((html, index) => html !== full.outputs[index])) {
        throw new Error(`the incremental renderer differs from renderPostBody at ${words} words`);
      }
      const what = `${words.toLocaleString('en')} words${withDefinition ? ', with a link definition' : ''}`;
      console.log(row({ label: `full (renderPostBody), ${what}`, ...full }));
      console.log(row({ label: `incremental, ${what}`, ...incremental }));
      console.log(
        `full / incremental: median ${(full.median / incremental.median).toFixed(1)}x, p95 ${(full.p95 / incremental.p95).toFixed(1)}x` +
          (words === 10_000 && !withDefinition ? ` (bar: incremental p95 ≤ ${BAR_MS} ms)` : ''),
      );
    }
  }
  return Promise.resolve();
}
