import type { ClipboardPayload } from '../../../shared/model/clipboard';

/** A bookmark, as Electron's clipboard gives it for 'electron application/bookmark'. */
export interface ClipboardBookmarkLike {
  readonly title: string;
  readonly url: string;
}

/** One clipboard entry in the W3C shape Electron's clipboard.read() returns (Electron 45 and later). */
export interface ClipboardItemLike {
  readonly types: readonly string[];
  getType(type: string): Promise<Blob | ClipboardBookmarkLike>;
}

/**
 * The part of Electron's clipboard module a payload is built from; Electron's `clipboard` fits
 * as it is, so the Electron host passes it in and this module never imports 'electron'.
 */
export interface ClipboardReader {
  read(): Promise<ClipboardItemLike[]>;
}

const BOOKMARK = 'electron application/bookmark';
// Platform formats without a MIME type (Windows' "HTML Format" with its SourceURL, the browsers'
// source-URL flavours) arrive under this prefix, with the platform's own name in quotes.
const RAW_FORMAT = /^electron application\/osclipboard;format="(.+)"$/;

/** What the clipboard holds now, as the payload parseClipboard reads. */
export async function clipboardPayloadFrom(clipboard: ClipboardReader): Promise<ClipboardPayload> {
  const formats: Record<string, string> = {};
  for (const item of await clipboard.read()) {
    for (const type of item.types) {
      const content = await item.getType(type).catch(() => null);
      if (content === null) continue;
      if (type === BOOKMARK && !(content instanceof Blob)) {
        if (content.url !== '')
          formats['electron/bookmark'] = JSON.stringify({ title: content.title, url: content.url });
        continue;
      }
      if (!(content instanceof Blob)) continue;
      const name = RAW_FORMAT.exec(type)?.[1] ?? type;
      // An image is named (so the parser can say it cannot be quoted) but never read.
      formats[name] = name.startsWith('image/') ? '' : await content.text();
    }
  }
  return { formats };
}
