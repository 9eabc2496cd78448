import type { Page } from '@playwright/test';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { sampleImage } from '../../electron/media/support/images';
import { DeskPage } from '../support/deskPage';
import type { RunningDevHost } from '../support/devHost';
import { callHost } from '../support/hostApi';
import { pasteFile } from '../support/pasteFile';

/** What one step did, for the failure report: enough to replay it by hand. */
export interface Step {
  readonly index: number;
  readonly action: string;
  readonly detail: string;
}

/** One writer action; resolves with what it did ("skipped" when its control was not there). */
type Action = (monkey: Monkey) => Promise<string>;

const WORDS = [
  'quote',
  'Mosul',
  'évidence',
  'شكرا',
  '🙂',
  'the',
  'blog',
  'passage',
  '#tag',
  '\n\n',
  '> ',
  '*em*',
  'ISIS',
];
const SHORT = 1_500;

/**
 * A writer at random: each action finds its controls as a writer would (by role and name) and
 * does nothing when they are not on screen, so any sequence of actions is a valid walk.
 */
export class Monkey {
  readonly desk: DeskPage;

  constructor(
    readonly page: Page,
    readonly random: RandomGenerator,
    readonly reload: () => Promise<void>,
    /** The dev host the page talks to, for what another window or the CLI does meanwhile. */
    readonly host: Pick<RunningDevHost, 'origin' | 'token'>,
  ) {
    this.desk = new DeskPage(page);
  }

  /** Whether the commentary takes typing (not while a draft in the trash is open, say). */
  async commentaryEditable(): Promise<boolean> {
    return (await this.desk.commentary.getAttribute('contenteditable')) === 'true';
  }

  int(min: number, max: number): number {
    return uniformInt(this.random, min, max);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  words(count: number): string {
    return Array.from({ length: count }, () => this.pick(WORDS)).join(' ');
  }

  /** Clicks when the control is there and enabled; false otherwise. */
  async clickIfThere(locator: ReturnType<Page['getByRole']>): Promise<boolean> {
    const target = locator.first();
    if (!(await target.isVisible()) || !(await target.isEnabled())) return false;
    await target.click({ timeout: SHORT });
    return true;
  }
}

/** The writer's actions and how often each comes up. */
export const actions: readonly (readonly [weight: number, name: string, act: Action])[] = [
  [3, 'new draft', async (monkey) => ((await monkey.clickIfThere(monkey.desk.newDraft)) ? 'clicked' : 'skipped')],
  [
    8,
    'type in the title',
    async (monkey) => {
      if (!(await monkey.desk.title.isEditable())) return 'skipped';
      const text = monkey.words(monkey.int(1, 4));
      await monkey.desk.title.click({ timeout: SHORT });
      await monkey.page.keyboard.press('End');
      await monkey.page.keyboard.type(` ${text}`);
      return JSON.stringify(text);
    },
  ],
  [
    10,
    'type in the commentary',
    async (monkey) => {
      if (!(await monkey.commentaryEditable())) return 'skipped';
      const text = monkey.words(monkey.int(1, 8));
      await monkey.desk.commentary.click({ timeout: SHORT });
      await monkey.page.keyboard.press('Control+End');
      await monkey.page.keyboard.type(` ${text}`);
      return JSON.stringify(text);
    },
  ],
  [
    3,
    'paste into the commentary',
    async (monkey) => {
      if (!(await monkey.commentaryEditable())) return 'skipped';
      const text = monkey.words(monkey.int(50, 400));
      await monkey.desk.commentary.click({ timeout: SHORT });
      await monkey.page.keyboard.insertText(text);
      return `${text.length} characters`;
    },
  ],
  [
    1,
    'select all the commentary and delete it',
    async (monkey) => {
      if (!(await monkey.commentaryEditable())) return 'skipped';
      await monkey.desk.commentary.click({ timeout: SHORT });
      await monkey.page.keyboard.press('Control+A');
      await monkey.page.keyboard.press('Delete');
      return 'deleted';
    },
  ],
  [
    4,
    'add a quote',
    async (monkey) => {
      if (!(await monkey.clickIfThere(monkey.desk.addQuote))) return 'skipped';
      const quotes = monkey.page.getByRole('group', { name: /^Quote \d+:/ });
      const quote = quotes.nth((await quotes.count()) - 1);
      await quote.getByRole('textbox', { name: /^Excerpt of quote/ }).fill(monkey.words(monkey.int(3, 30)));
      await quote.getByRole('textbox', { name: 'Source title' }).fill(monkey.words(2));
      if (monkey.int(0, 1) === 1) {
        await quote
          .getByRole('textbox', { name: 'Address' })
          .fill(monkey.pick(['https://example.com/a', 'http://a_b.example/', 'not a url']));
      }
      return `quote ${await quotes.count()}`;
    },
  ],
  [
    2,
    'remove a quote (and sometimes undo)',
    async (monkey) => {
      const remove = monkey.page.getByRole('button', { name: /^Remove quote \d+$/ });
      const count = await remove.count();
      if (count === 0 || !(await remove.first().isEnabled())) return 'skipped';
      const which = monkey.int(0, count - 1);
      await remove.nth(which).click({ timeout: SHORT });
      if (monkey.int(0, 2) === 0)
        await monkey.clickIfThere(monkey.page.getByRole('button', { name: 'Undo', exact: true }));
      return `quote ${which + 1}`;
    },
  ],
  [
    2,
    'move a quote',
    async (monkey) => {
      const moves = monkey.page.getByRole('button', { name: /^Move quote \d+ (up|down)$/ });
      const count = await moves.count();
      if (count === 0) return 'skipped';
      const move = moves.nth(monkey.int(0, count - 1));
      if (!(await move.isEnabled())) return 'skipped (disabled)';
      const name = (await move.getAttribute('aria-label')) ?? '';
      await move.click({ timeout: SHORT });
      return name;
    },
  ],
  [
    1,
    'drag a quote by its handle',
    async (monkey) => {
      const handles = monkey.page.getByRole('button', { name: /^Drag to reorder quote/ });
      const count = await handles.count();
      if (count < 2) return 'skipped';
      const from = await handles.nth(monkey.int(0, count - 1)).boundingBox();
      const to = await handles.nth(monkey.int(0, count - 1)).boundingBox();
      if (!from || !to) return 'skipped (off screen)';
      await monkey.page.mouse.move(from.x + 5, from.y + 5);
      await monkey.page.mouse.down();
      for (let step = 1; step <= 8; step += 1) {
        await monkey.page.mouse.move(from.x + 5, from.y + 5 + ((to.y - from.y) * step) / 8);
      }
      await monkey.page.mouse.up();
      return `from y=${Math.round(from.y)} to y=${Math.round(to.y)}`;
    },
  ],
  [
    4,
    'add a hashtag',
    async (monkey) => {
      if (!(await monkey.desk.hashtagEntry.isEditable())) return 'skipped';
      const tag = monkey.pick(['Iraq', 'iraq', 'Books', 'Mosul', 'évidence', 'a_b', '#hash', 'two words']);
      await monkey.desk.hashtagEntry.fill(tag);
      await monkey.desk.hashtagEntry.press('Enter');
      return tag;
    },
  ],
  [
    2,
    'remove a hashtag',
    async (monkey) => {
      const remove = monkey.page.getByRole('button', { name: /^Remove hashtag / });
      const count = await remove.count();
      if (count === 0 || !(await remove.first().isEnabled())) return 'skipped';
      await remove.nth(monkey.int(0, count - 1)).click({ timeout: SHORT });
      return 'removed';
    },
  ],
  [
    3,
    'open another draft',
    async (monkey) => {
      const rows = monkey.desk.drafts.getByRole('button');
      const count = await rows.count();
      if (count === 0) return 'skipped';
      const which = monkey.int(0, count - 1);
      await rows.nth(which).click({ timeout: SHORT });
      return `row ${which + 1}`;
    },
  ],
  [
    2,
    'move the draft to the trash (sometimes undo)',
    async (monkey) => {
      if (!(await monkey.clickIfThere(monkey.page.getByRole('button', { name: 'Move to trash' })))) return 'skipped';
      if (monkey.int(0, 1) === 0)
        await monkey.clickIfThere(monkey.page.getByRole('button', { name: 'Undo', exact: true }));
      return 'trashed';
    },
  ],
  [
    2,
    'toggle the trash view',
    async (monkey) => {
      await monkey.page.getByRole('checkbox', { name: 'Show the trash' }).click({ timeout: SHORT });
      return 'toggled';
    },
  ],
  [
    1,
    'restore the draft from the trash',
    async (monkey) =>
      (await monkey.clickIfThere(monkey.page.getByRole('button', { name: 'Restore', exact: true })))
        ? 'restored'
        : 'skipped',
  ],
  [
    1,
    'empty the trash (cancel, or confirm and sometimes undo)',
    async (monkey) => {
      if (!(await monkey.clickIfThere(monkey.page.getByRole('button', { name: 'Empty the trash…' })))) return 'skipped';
      const confirm = monkey.page.getByRole('alertdialog');
      if (monkey.int(0, 2) === 0) {
        await confirm.getByRole('button', { name: 'Cancel' }).click({ timeout: SHORT });
        return 'cancelled';
      }
      await confirm.getByRole('button', { name: /^Delete / }).click({ timeout: SHORT });
      if (monkey.int(0, 1) === 0)
        await monkey.clickIfThere(monkey.page.getByRole('button', { name: 'Undo', exact: true }));
      return 'emptied';
    },
  ],
  [
    1,
    'restore an earlier version',
    async (monkey) => {
      if (!(await monkey.clickIfThere(monkey.page.getByRole('button', { name: 'History' })))) return 'skipped';
      const history = monkey.page.getByRole('dialog', { name: 'Earlier versions' });
      const restore = history.getByRole('button', { name: 'Restore' });
      await history.getByRole('button', { name: 'Close' }).waitFor({ timeout: SHORT });
      if ((await restore.count()) > 0 && monkey.int(0, 1) === 0) {
        await restore.first().click({ timeout: SHORT });
        return 'restored';
      }
      await history.getByRole('button', { name: 'Close' }).click({ timeout: SHORT });
      return 'looked';
    },
  ],
  [
    2,
    'toggle the preview or the publish panel',
    async (monkey) => {
      const name = monkey.pick(['Preview', 'Publish', 'Focus']);
      return (await monkey.clickIfThere(monkey.page.getByRole('button', { name, exact: true }))) ? name : 'skipped';
    },
  ],
  [
    1,
    'search the library',
    async (monkey) => {
      const text = monkey.pick(['', '', 'mosul', 'quote', 'zzz']);
      await monkey.desk.search.fill(text);
      return JSON.stringify(text);
    },
  ],
  [
    1,
    'reload the page',
    async (monkey) => {
      await monkey.reload();
      return 'reloaded';
    },
  ],
  [
    3,
    'pause (autosave)',
    async (monkey) => {
      const pause = monkey.int(100, 800);
      await monkey.page.waitForTimeout(pause);
      return `${pause} ms`;
    },
  ],
  // Added after seed 1183668014 was found (see seeds.ts: a seed replays with the actions it was found with).
  // What the first twenty left out, where update loops (#12 item 8) would hide: the layout libraries
  // fed by our props (resizable panels, the virtual drafts list, drag and drop), the window's size,
  // the shortcuts, images, input methods, and other windows writing meanwhile.
  [
    1,
    'drag the splitter between editor and preview',
    async (monkey) => {
      const splitter = await monkey.page
        .getByRole('separator', { name: 'Resize the editor and the preview' })
        .boundingBox();
      if (!splitter) return 'skipped';
      const to = monkey.int(0, 1_900);
      await monkey.page.mouse.move(splitter.x + splitter.width / 2, splitter.y + 40);
      await monkey.page.mouse.down();
      await monkey.page.mouse.move(to, splitter.y + 40, { steps: monkey.int(1, 8) });
      await monkey.page.mouse.up();
      return `to x=${to}`;
    },
  ],
  [
    1,
    'resize the window',
    async (monkey) => {
      const size = { width: monkey.int(360, 1_920), height: monkey.int(320, 1_100) };
      await monkey.page.setViewportSize(size);
      return `${size.width}×${size.height}`;
    },
  ],
  [
    2,
    'press a shortcut',
    async (monkey) => {
      const keys = monkey.pick([
        'Control+Shift+U',
        'Control+Shift+Enter',
        'Control+Shift+P',
        'Control+z',
        'Control+Shift+z',
        'Control+f',
        'Escape',
      ]);
      await monkey.page.keyboard.press(keys);
      return keys;
    },
  ],
  [
    1,
    'move a quote with the keyboard',
    async (monkey) => {
      const handles = monkey.page.getByRole('button', { name: /^Drag to reorder quote/ });
      const count = await handles.count();
      if (count < 2) return 'skipped';
      await handles.nth(monkey.int(0, count - 1)).focus({ timeout: SHORT });
      await monkey.page.keyboard.press('Space');
      const moves = monkey.int(1, 5);
      for (let move = 0; move < moves; move += 1)
        await monkey.page.keyboard.press(monkey.pick(['ArrowUp', 'ArrowDown']));
      const end = monkey.pick(['Space', 'Escape']);
      await monkey.page.keyboard.press(end);
      return `${moves} moves, then ${end}`;
    },
  ],
  [
    2,
    "type in a quote's excerpt or source",
    async (monkey) => {
      const fields = monkey.page.getByRole('group', { name: /^Quote \d+:/ }).getByRole('textbox');
      const count = await fields.count();
      if (count === 0) return 'skipped';
      const field = fields.nth(monkey.int(0, count - 1));
      if (!(await field.isEditable())) return 'skipped';
      const text = monkey.words(monkey.int(1, 5));
      await field.click({ timeout: SHORT });
      await monkey.page.keyboard.type(text);
      return `${(await field.getAttribute('aria-label')) ?? 'a field'}: ${JSON.stringify(text)}`;
    },
  ],
  [
    1,
    'paste an image into the commentary',
    async (monkey) => {
      if (!(await monkey.commentaryEditable())) return 'skipped';
      // Another size each time: another image, not one the library has already.
      const image = await sampleImage('jpeg', monkey.int(16, 400), monkey.int(16, 300));
      await monkey.desk.commentary.click({ timeout: SHORT });
      await pasteFile(monkey.desk.commentary, image, 'photo.jpg', 'image/jpeg');
      // The writer is asked for its alt text at once, while the core processes the image.
      const describe = monkey.page.getByRole('dialog', { name: 'Describe the image' });
      if (monkey.int(0, 1) === 0) {
        await describe.getByRole('textbox', { name: 'Alt text' }).fill(monkey.words(3));
        await describe.getByRole('button', { name: 'Done' }).click({ timeout: SHORT });
        return 'described';
      }
      await describe.getByRole('button', { name: 'Skip for now' }).click({ timeout: SHORT });
      return 'skipped its alt text';
    },
  ],
  [
    1,
    "edit an image's alt text, or the featured image",
    async (monkey) => {
      const images = monkey.page.getByRole('region', { name: 'Images' });
      const fields = images.getByRole('textbox');
      const count = await fields.count();
      if (count > 0 && monkey.int(0, 1) === 0) {
        const field = fields.nth(monkey.int(0, count - 1));
        if (!(await field.isEditable())) return 'skipped';
        await field.click({ timeout: SHORT });
        await monkey.page.keyboard.type(monkey.words(monkey.int(1, 3)));
        return 'alt text';
      }
      const buttons = images.getByRole('button', { name: /^(Make featured|Clear featured image)$/ });
      const buttonCount = await buttons.count();
      if (buttonCount === 0) return 'skipped';
      const button = buttons.nth(monkey.int(0, buttonCount - 1));
      if (!(await button.isEnabled())) return 'skipped';
      await button.click({ timeout: SHORT });
      return (await button.textContent()) ?? 'clicked';
    },
  ],
  [
    1,
    'another window writes a draft',
    async (monkey) => {
      // A new draft, then a save of it, as another window would: the list takes both events.
      const { id } = await callHost(monkey.host, 'createDraft', {});
      await callHost(monkey.host, 'saveDraft', {
        id,
        changes: { title: monkey.words(monkey.int(0, 12)), commentary: monkey.words(monkey.int(0, 40)) },
      });
      return id;
    },
  ],
  [
    1,
    'scroll the drafts list, or move through it with the keys',
    async (monkey) => {
      const rows = monkey.desk.drafts.getByRole('button');
      if ((await rows.count()) === 0) return 'skipped';
      if (monkey.int(0, 1) === 0) {
        await monkey.desk.drafts.hover({ timeout: SHORT });
        await monkey.page.mouse.wheel(0, monkey.int(-4_000, 4_000));
        return 'scrolled';
      }
      await rows.first().focus({ timeout: SHORT });
      const keys = Array.from({ length: monkey.int(1, 5) }, () =>
        monkey.pick(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'End', 'Home']),
      );
      for (const key of keys) await monkey.page.keyboard.press(key);
      return keys.join(' ');
    },
  ],
  [
    1,
    'compose with an input method in the commentary',
    async (monkey) => {
      if (!(await monkey.commentaryEditable())) return 'skipped';
      await monkey.desk.commentary.click({ timeout: SHORT });
      await monkey.desk.commentary.press('Control+End');
      const cdp = await monkey.page.context().newCDPSession(monkey.page);
      try {
        await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
        await cdp.send('Input.imeSetComposition', { text: 'nihao', selectionStart: 5, selectionEnd: 5 });
        await cdp.send('Input.insertText', { text: '你好' });
      } finally {
        await cdp.detach();
      }
      return '你好';
    },
  ],
  [
    1,
    'restore an earlier version, then type',
    async (monkey) => {
      if (!(await monkey.clickIfThere(monkey.page.getByRole('button', { name: 'History' })))) return 'skipped';
      const history = monkey.page.getByRole('dialog', { name: 'Earlier versions' });
      await history.getByRole('button', { name: 'Close' }).waitFor({ timeout: SHORT });
      const compare = history.getByRole('button', { name: 'Compare and restore…' });
      const count = await compare.count();
      if (count === 0) {
        await history.getByRole('button', { name: 'Close' }).click({ timeout: SHORT });
        return 'no earlier version';
      }
      await compare.nth(monkey.int(0, count - 1)).click({ timeout: SHORT });
      await history.getByRole('button', { name: 'Restore this version' }).click({ timeout: SHORT });
      await monkey.page.keyboard.type(monkey.words(2));
      return 'restored';
    },
  ],
  [
    1,
    "choose from the hashtags' suggestions",
    async (monkey) => {
      if (!(await monkey.desk.hashtagEntry.isEditable())) return 'skipped';
      await monkey.desk.hashtagEntry.fill(monkey.pick(['i', 'b', 'm', 'é']));
      const keys = [
        ...Array.from({ length: monkey.int(0, 3) }, () => monkey.pick(['ArrowDown', 'ArrowUp'])),
        monkey.pick(['Enter', 'Tab', 'Escape', ',']),
      ];
      for (const key of keys) await monkey.desk.hashtagEntry.press(key);
      return keys.join(' ');
    },
  ],
  [
    1,
    'another window saves the draft open here',
    async (monkey) => {
      // Found by its title as the library lists it; a title typed and not saved yet, or shared by
      // several drafts, names none.
      if (!(await monkey.desk.title.isVisible())) return 'skipped';
      const shown = await monkey.desk.title.inputValue({ timeout: SHORT });
      const named = (await callHost(monkey.host, 'listDrafts', {})).filter((draft) => draft.title === shown);
      const open = named.length === 1 ? named[0] : undefined;
      if (!open) return 'skipped';
      // As another window (or the CLI) saves: over whatever the draft holds.
      const changes =
        monkey.int(0, 1) === 0
          ? { title: monkey.words(monkey.int(1, 8)) }
          : {
              commentary: `${(await callHost(monkey.host, 'getDraft', { id: open.id })).commentary} ${monkey.words(5)}`,
            };
      await callHost(monkey.host, 'saveDraft', { id: open.id, changes });
      return Object.keys(changes).join(' ');
    },
  ],
  [
    1,
    'choose a version when the draft was changed elsewhere',
    async (monkey) => {
      const bar = monkey.page.getByRole('alert', { name: 'Changed elsewhere' });
      if (!(await bar.isVisible())) return 'skipped';
      const choice = monkey.pick(['Keep my version', 'Use the other version']);
      await bar.getByRole('button', { name: choice }).click({ timeout: SHORT });
      return choice;
    },
  ],
];

/**
 * The action a draw in [0, total weight) lands on, among the first `known` actions (a seed
 * found before later actions were added replays the walk it was found with).
 */
export function chooseAction(monkey: Monkey, known = actions.length): readonly [string, Action] {
  const among = actions.slice(0, known);
  const total = among.reduce((sum, [weight]) => sum + weight, 0);
  let draw = monkey.int(0, total - 1);
  for (const [weight, name, act] of among) {
    if (draw < weight) return [name, act];
    draw -= weight;
  }
  throw new Error('no action chosen');
}
