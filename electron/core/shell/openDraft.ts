import { randomUUID } from 'node:crypto';
import type { Draft, DraftContent } from '../../../shared/model/draft';
import { AppError } from '../../../shared/result';
import type { EventHub } from '../events';
import { contentFromMarkdown, readMarkdownFile } from './markdownImport';
import type { OpenRequest } from './openRequest';
import { contentFromQuoteLink, parseQuoteLink } from './quoteLink';

export interface OpenDraftServices {
  readonly library: { create(content: DraftContent): Promise<Draft> };
  readonly events: EventHub;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

/**
 * Carries out what the OS asked to open: a markdown file or a commonplace://quote link becomes a
 * new draft, saved before anything is shown (the library announces it); then the window shows it.
 * Throws an AppError with a message for the writer when the file or link cannot be used.
 */
export async function openDraftFor(request: OpenRequest, services: OpenDraftServices): Promise<Draft> {
  const content =
    request.kind === 'markdown-file' ? await markdownContent(request.path) : linkContent(request.link, services);
  const draft = await services.library.create(content);
  services.events.publish({ type: 'open-draft', id: draft.id });
  return draft;
}

async function markdownContent(file: string): Promise<DraftContent> {
  const { text, fallbackTitle } = await readMarkdownFile(file);
  return contentFromMarkdown(text, fallbackTitle);
}

function linkContent(link: string, services: OpenDraftServices): DraftContent {
  const quote = parseQuoteLink(link);
  if (!quote.ok) throw new AppError('invalid-input', `Commonplace cannot open this link: ${quote.reason}.`);
  return contentFromQuoteLink(quote.value, (services.now ?? (() => new Date()))(), services.newId ?? randomUUID);
}
