import { open } from 'node:fs/promises';
import path from 'node:path';
import { DraftContentSchema, type DraftContent } from '../../../shared/model/draft';
import { extractHashtags } from '../../../shared/model/hashtags';
import { limits } from '../../../shared/model/limits';
import { AppError } from '../../../shared/result';

// An ATX heading of level one: up to three spaces, '#', a space or tab, the text, and an
// optional closing run of '#' (CommonMark 4.2).
const titleHeading = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const fence = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A markdown document as a draft: its first level-one heading is the title (its #hashtags become
 * the draft's hashtags), everything else the commentary. Headings inside fenced code do not
 * count. Without a heading, the title is `fallbackTitle` (the file's name).
 */
export function contentFromMarkdown(markdown: string, fallbackTitle: string): DraftContent {
  const lines = markdown
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const headingLine = findTitleHeading(lines);
  const heading = headingLine === -1 ? null : titleHeading.exec(lines[headingLine] ?? '');
  const { text, hashtags } = extractHashtags(heading?.[1] ?? fallbackTitle);
  const commentary = lines
    .filter((_line, index) => index !== headingLine)
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
  const content = {
    title: text.slice(0, limits.titleCharacters),
    commentary,
    quotes: [],
    hashtags: hashtags.filter((tag) => tag.length <= limits.hashtagCharacters).slice(0, limits.hashtagsPerDraft),
    featuredImage: null,
  };
  const parsed = DraftContentSchema.safeParse(content);
  if (!parsed.success) throw new AppError('invalid-input', 'The document is too long to become a draft.');
  return parsed.data;
}

function findTitleHeading(lines: readonly string[]): number {
  let openFence: string | null = null;
  for (const [index, line] of lines.entries()) {
    const marker = fence.exec(line)?.[1];
    if (openFence === null && marker !== undefined) openFence = marker;
    else if (openFence !== null && marker?.startsWith(openFence.charAt(0)) && marker.length >= openFence.length) {
      openFence = null;
    } else if (openFence === null && titleHeading.test(line)) return index;
  }
  return -1;
}

/** Past this size a file cannot be a draft's commentary (four bytes per character at most). */
export const MARKDOWN_FILE_BYTES = limits.commentaryCharacters * 4;

/**
 * Reads a markdown file the OS asked the app to open: a regular file, of a size a draft can
 * hold, in UTF-8. Returns its text and the title to use if it has no heading.
 */
export async function readMarkdownFile(
  file: string,
): Promise<{ readonly text: string; readonly fallbackTitle: string }> {
  const name = path.basename(file);
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new AppError('not-found', `${name} could not be opened.`, { cause: error });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new AppError('invalid-input', `${name} is not a file.`);
    if (stats.size > MARKDOWN_FILE_BYTES)
      throw new AppError('invalid-input', `${name} is too large to become a draft.`);
    const bytes = await handle.readFile();
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (error) {
      throw new AppError('invalid-input', `${name} is not UTF-8 text.`, { cause: error });
    }
    return { text, fallbackTitle: path.basename(file, path.extname(file)) };
  } finally {
    await handle.close();
  }
}
