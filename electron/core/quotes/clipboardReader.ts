import type { ClipboardPayload } from '../../../shared/model/clipboard';

/**
 * The part of Electron's clipboard module a payload is built from. Electron's `clipboard` fits as
 * it is, so the Electron host passes it in and this module never imports 'electron'.
 */
export interface ClipboardReader {
  availableFormats(): string[];
  read(format: string): string;
  readHTML(): string;
  readText(): string;
  readBookmark(): { title: string; url: string };
}

/**
 * Formats read by name because availableFormats() lists only MIME types: the Windows CF_HTML (it
 * carries SourceURL, which readHTML() drops) and the browsers' source and link formats.
 */
const namedFormats = [
  'HTML Format',
  'org.chromium.source-url',
  'chromium/x-source-url',
  'text/x-moz-url-priv',
  'text/x-moz-url',
  'text/uri-list',
  'public.url',
  'public.url-name',
] as const;

/** What the clipboard holds now, as the payload parseClipboard reads. */
export function clipboardPayloadFrom(clipboard: ClipboardReader): ClipboardPayload {
  const formats: Record<string, string> = {};
  const add = (name: string, content: string): void => {
    if (content.trim() !== '') formats[name] = content;
  };
  add('text/html', clipboard.readHTML());
  add('text/plain', clipboard.readText());
  for (const name of namedFormats) add(name, readOrEmpty(clipboard, name));
  const bookmark = clipboard.readBookmark();
  if (bookmark.url !== '') formats['electron/bookmark'] = JSON.stringify({ title: bookmark.title, url: bookmark.url });
  // Images are named with no content: the parser only needs to know one is there to say so.
  for (const name of clipboard.availableFormats()) {
    if (name.startsWith('image/')) formats[name] = '';
  }
  return { formats };
}

function readOrEmpty(clipboard: ClipboardReader, format: string): string {
  try {
    return clipboard.read(format);
  } catch {
    // Electron throws for a format name the platform cannot register; it is simply not there.
    return '';
  }
}
