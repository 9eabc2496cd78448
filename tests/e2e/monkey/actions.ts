import type { Page } from '@playwright/test';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { DeskPage } from '../support/deskPage';

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
  ) {
    this.desk = new DeskPage(page);
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
      if ((await monkey.desk.commentary.getAttribute('contenteditable')) !== 'true') return 'skipped';
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
      if ((await monkey.desk.commentary.getAttribute('contenteditable')) !== 'true') return 'skipped';
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
      if ((await monkey.desk.commentary.getAttribute('contenteditable')) !== 'true') return 'skipped';
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
];

/** The action a draw in [0, total weight) lands on. */
export function chooseAction(monkey: Monkey): readonly [string, Action] {
  const total = actions.reduce((sum, [weight]) => sum + weight, 0);
  let draw = monkey.int(0, total - 1);
  for (const [weight, name, act] of actions) {
    if (draw < weight) return [name, act];
    draw -= weight;
  }
  throw new Error('no action chosen');
}
