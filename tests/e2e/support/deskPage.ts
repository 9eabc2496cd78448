import { expect, type Locator, type Page } from '@playwright/test';
import { pasteFile } from './pasteFile';

/** The writing desk, as a writer finds its controls: by role and name. */
export class DeskPage {
  readonly newDraft: Locator;
  readonly title: Locator;
  readonly commentary: Locator;
  readonly hashtagEntry: Locator;
  readonly hashtags: Locator;
  readonly preview: Locator;
  readonly saveStatus: Locator;
  readonly search: Locator;
  readonly drafts: Locator;
  readonly addQuote: Locator;

  constructor(readonly page: Page) {
    this.newDraft = page.getByRole('button', { name: 'New draft', exact: true });
    this.title = page.getByRole('textbox', { name: 'Title', exact: true });
    this.commentary = page.getByRole('textbox', { name: 'Commentary' });
    this.hashtagEntry = page.getByRole('combobox', { name: 'Add a hashtag' });
    this.hashtags = page.getByRole('list', { name: 'Hashtags' });
    this.preview = page.getByRole('article', { name: 'Preview' });
    this.saveStatus = page.getByRole('status', { name: 'Save status' });
    this.search = page.getByRole('searchbox', { name: 'Search drafts' });
    this.drafts = page.getByRole('list', { name: 'Drafts' });
    this.addQuote = page.getByRole('button', { name: 'Add a quote' });
  }

  quote(position: number): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Quote ${position}:`) });
  }

  /** Adds a quote at the end and fills its excerpt and source. */
  async addQuoteWith(
    excerpt: string,
    source: { title: string; author: string; date: string; url: string },
  ): Promise<void> {
    await this.addQuote.click();
    const count = await this.page.getByRole('group', { name: /^Quote \d+:/ }).count();
    const quote = this.quote(count);
    await quote.getByRole('textbox', { name: /^Excerpt of quote/ }).fill(excerpt);
    await quote.getByRole('textbox', { name: 'Source title' }).fill(source.title);
    await quote.getByRole('textbox', { name: 'Author' }).fill(source.author);
    await quote.getByRole('textbox', { name: 'Date' }).fill(source.date);
    await quote.getByRole('textbox', { name: 'Address' }).fill(source.url);
  }

  /** Pastes an image file into the commentary at the caret, gives it its alt text when asked, and waits for the save. */
  async pasteImage(file: { bytes: Buffer; name: string; type: string }, alt: string): Promise<void> {
    await pasteFile(this.commentary, file.bytes, file.name, file.type);
    const describeImage = this.page.getByRole('dialog', { name: 'Describe the image' });
    await describeImage.getByRole('textbox', { name: 'Alt text' }).fill(alt);
    await describeImage.getByRole('button', { name: 'Done' }).click();
    await expect(this.saveStatus).toHaveText('Saved');
  }

  /** Publishes the open draft now to the only blog, from the Publish panel; returns the panel, once published. */
  async publishNow(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Publish', exact: true }).click();
    const panel = this.page.getByRole('region', { name: 'Publish' });
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(panel.getByRole('status')).toHaveText('Published.', { timeout: 30_000 });
    return panel;
  }

  async addHashtags(...tags: string[]): Promise<void> {
    for (const tag of tags) {
      await this.hashtagEntry.fill(tag);
      await this.hashtagEntry.press('Enter');
    }
  }
}
