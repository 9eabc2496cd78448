import type { Draft } from '../../../../shared/model/draft';
import type { DraftImage } from '../../../../shared/model/image';
import type { LibraryContext } from '../../context';

/** `drafts show ID`: one draft, as text or as its whole JSON with the images it uses. */
export async function run(context: LibraryContext, id: string, options: { json?: boolean }): Promise<void> {
  const draft = await context.call('getDraft', { id });
  const images = await context.call('draftImages', { id });
  context.out(options.json ? JSON.stringify({ ...draft, images }) : describeDraft(draft, images));
}

function describeDraft(draft: Draft, images: readonly DraftImage[]): string {
  const tags = draft.hashtags.map((tag) => `#${tag}`).join(' ');
  const quotes = draft.quotes.map(
    (quote, index) => `  ${index + 1}. ${quote.source.title || quote.source.url || '(no source)'}`,
  );
  return [
    draft.title || '(untitled)',
    `id ${draft.id} · revision ${draft.revision} · updated ${draft.updatedAt}${tags ? ` · ${tags}` : ''}`,
    '',
    draft.commentary,
    ...(quotes.length > 0 ? ['', 'Quotes:', ...quotes] : []),
    ...(images.length > 0 ? ['', 'Images:', ...images.map(imageLine)] : []),
  ].join('\n');
}

function imageLine(image: DraftImage): string {
  const size = image.info === null ? 'missing from the library' : `${image.info.width}×${image.info.height}`;
  const alt = image.alt.trim() === '' ? 'no alt text' : `alt “${image.alt}”`;
  return `  ${image.place.padEnd(10)}  ${image.file}  ${size}  ${alt}`;
}
