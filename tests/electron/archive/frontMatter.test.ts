import { describe, expect, it } from 'vitest';
import { parseFrontMatter, writeFrontMatter } from '../../../electron/core/archive/frontMatter';

describe('front matter', () => {
  it('quotes what a YAML 1.1 reader (Jekyll) would take for a boolean, a number or a date, and reads it back the same', () => {
    const fields = {
      title: 'yes',
      subtitle: 'No',
      year: '2024',
      date: '2026-01-02T03:04:05Z',
      draft: false,
      tags: ['on'],
    };
    const text = writeFrontMatter(fields, 'Body.\n');
    expect(text).toContain('title: "yes"');
    expect(text).toContain('date: "2026-01-02T03:04:05Z"');
    expect(text).toContain('draft: false');
    expect(parseFrontMatter(text, 'post.md')).toEqual({ fields, body: 'Body.\n' });
  });

  it('reads Hugo’s TOML front matter, a byte-order mark, Windows line ends, and a file without front matter', () => {
    expect(parseFrontMatter("+++\ntitle = 'Hugo'\ntags = ['a', 'b']\n+++\nText\n", 'hugo.md')).toMatchObject({
      fields: { title: 'Hugo', tags: ['a', 'b'] },
      body: 'Text\n',
    });
    expect(parseFrontMatter('\uFEFF---\r\ntitle: Windows\r\n---\r\nText\r\n', 'windows.md')).toEqual({
      fields: { title: 'Windows' },
      body: 'Text\r\n',
    });
    expect(parseFrontMatter('# Just a note\n', 'note.md')).toEqual({ fields: {}, body: '# Just a note\n' });
  });

  it('refuses front matter that is not a list of fields, duplicate keys, or broken TOML, naming the file', () => {
    expect(() => parseFrontMatter('---\n- a\n- b\n---\n', 'list.md')).toThrow(
      'list.md: its front matter is not a list of fields',
    );
    expect(() => parseFrontMatter('---\ntitle: a\ntitle: b\n---\n', 'twice.md')).toThrow(
      'twice.md: its front matter is not valid YAML',
    );
    expect(() => parseFrontMatter('+++\ntitle = \n+++\n', 'broken.md')).toThrow(
      'broken.md: its front matter is not valid TOML',
    );
  });
});
