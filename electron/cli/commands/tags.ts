import type { LibraryContext } from '../context';

/** `tags`: the hashtags in use, most used first. */
export async function run(context: LibraryContext, options: { json?: boolean }): Promise<void> {
  const tags = await context.call('listTags', {});
  if (options.json) context.out(JSON.stringify(tags));
  else for (const { tag, count } of tags) context.out(`#${tag}  ${count}`);
}
