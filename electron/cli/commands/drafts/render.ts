import { renderPostBody } from '../../../../shared/render/post';
import type { LibraryContext } from '../../context';

/** `drafts render ID`: the post's HTML, what the preview shows and publishing sends. */
export async function run(context: LibraryContext, id: string): Promise<void> {
  const draft = await context.call('getDraft', { id });
  process.stdout.write(renderPostBody(draft));
}
