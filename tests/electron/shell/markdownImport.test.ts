import { mkdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { limits } from '../../../shared/model/limits';
import { AppError } from '../../../shared/result';
import {
  contentFromMarkdown,
  MARKDOWN_FILE_BYTES,
  readMarkdownFile,
} from '../../../electron/core/shell/markdownImport';
import { useTempFolders } from '../../support/tempFolder';

const newFolder = useTempFolders();

describe('a markdown document as a draft', () => {
  it('takes the first level-one heading as the title, its hashtags as the tags, the rest as commentary', () => {
    const markdown =
      '\uFEFF# Can this be true? #ISIS #Iraq\r\n\r\nSome *commentary*.\r\n\r\n## A section\r\n\r\n# Another top heading\r\n';
    expect(contentFromMarkdown(markdown, 'file name')).toEqual({
      title: 'Can this be true?',
      commentary: 'Some *commentary*.\n\n## A section\n\n# Another top heading',
      quotes: [],
      hashtags: ['ISIS', 'Iraq'],
      featuredImage: null,
    });
  });

  it('keeps what comes before the heading, and drops a closing run of #', () => {
    expect(contentFromMarkdown('Intro line.\n\n  # Title ##  \nBody', 'x')).toEqual({
      title: 'Title',
      commentary: 'Intro line.\n\nBody',
      quotes: [],
      hashtags: [],
      featuredImage: null,
    });
  });

  it('ignores headings inside fenced code, and uses the file name without one', () => {
    const markdown = '```sh\n# not a title\n```\n~~~~\n# nor this\n~~~~\n#hashtag is no heading\n';
    expect(contentFromMarkdown(markdown, 'Notes on #reading')).toEqual({
      title: 'Notes on',
      commentary: '```sh\n# not a title\n```\n~~~~\n# nor this\n~~~~\n#hashtag is no heading',
      quotes: [],
      hashtags: ['reading'],
      featuredImage: null,
    });
  });

  it('keeps the first spelling of a repeated tag, and cuts an overlong title', () => {
    expect(contentFromMarkdown('# On #Books and #books', 'x').hashtags).toEqual(['Books']);
    expect(contentFromMarkdown(`# ${'t'.repeat(limits.titleCharacters + 50)}`, 'x').title).toHaveLength(
      limits.titleCharacters,
    );
  });

  it('refuses a document longer than a draft can hold', () => {
    expect(() => contentFromMarkdown('a'.repeat(limits.commentaryCharacters + 1), 'x')).toThrow(AppError);
  });
});

describe('reading a markdown file', () => {
  it('reads UTF-8 text and names the fallback title after the file', async () => {
    const file = path.join(await newFolder(), 'On Reading.md');
    await writeFile(file, '# Über *Lesen*\n');
    expect(await readMarkdownFile(file)).toEqual({ text: '# Über *Lesen*\n', fallbackTitle: 'On Reading' });
  });

  it('refuses what is not a readable UTF-8 file of a draft’s size, with a reason', async () => {
    const folder = await newFolder();
    const binary = path.join(folder, 'binary.md');
    await writeFile(binary, Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x00]));
    await expect(readMarkdownFile(binary)).rejects.toThrow('binary.md is not UTF-8 text.');
    const huge = path.join(folder, 'huge.md');
    await writeFile(huge, '');
    await truncate(huge, MARKDOWN_FILE_BYTES + 1);
    await expect(readMarkdownFile(huge)).rejects.toThrow('huge.md is too large to become a draft.');
    await mkdir(path.join(folder, 'folder.md'));
    await expect(readMarkdownFile(path.join(folder, 'folder.md'))).rejects.toThrow(AppError);
    await expect(readMarkdownFile(path.join(folder, 'missing.md'))).rejects.toMatchObject({ kind: 'not-found' });
  });
});
