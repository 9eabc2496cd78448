/**
 * The Windows "HTML Format" (CF_HTML): a header of "Name:value" lines, then an HTML document. The
 * header's StartFragment/EndFragment are byte offsets into the UTF-8 encoding of the whole text,
 * not character offsets; SourceURL names the page the selection came from.
 * https://learn.microsoft.com/en-us/windows/win32/dataxchg/html-clipboard-format
 */
export interface WindowsHtml {
  readonly version: string | null;
  /** The copied selection's HTML. */
  readonly fragment: string;
  readonly sourceUrl: string | null;
}

const headerLine = /^([A-Za-z]+):(.*)$/;
const startMarker = /<!--\s*StartFragment\s*-->/i;
const endMarker = /<!--\s*EndFragment\s*-->/i;

/** True when the text starts with a CF_HTML header, as some hosts hand it over as text/html. */
export function looksLikeWindowsHtml(text: string): boolean {
  return /^\s*Version:\s*\d/.test(text) && /^StartFragment:/m.test(text.slice(0, 1000));
}

/** The fragment and source of a CF_HTML text; never throws, whatever the header claims. */
export function parseWindowsHtml(text: string): WindowsHtml {
  const { fields, bodyStart } = readHeader(text);
  const bytes = new TextEncoder().encode(text);
  const byOffsets = sliceBytes(bytes, fields.get('startfragment'), fields.get('endfragment'));
  const byMarkers = sliceByMarkers(text);
  const document = sliceBytes(bytes, fields.get('starthtml'), fields.get('endhtml')) ?? text.slice(bodyStart);
  // Some writers put character offsets where bytes belong; the comments Chromium, Firefox and
  // Office write around the fragment settle which is right.
  // https://devblogs.microsoft.com/oldnewthing/20130118-00/?p=5523
  const fragment = byMarkers !== null && byOffsets !== byMarkers ? byMarkers : (byOffsets ?? document);
  const sourceUrl = fields.get('sourceurl')?.trim() ?? '';
  return { version: fields.get('version')?.trim() ?? null, fragment, sourceUrl: sourceUrl === '' ? null : sourceUrl };
}

function readHeader(text: string): { fields: Map<string, string>; bodyStart: number } {
  const fields = new Map<string, string>();
  let position = 0;
  while (position < text.length) {
    const lineEnd = text.indexOf('\n', position);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const match = headerLine.exec(text.slice(position, end).replace(/\r$/, ''));
    if (!match) break;
    const [, name = '', value = ''] = match;
    fields.set(name.toLowerCase(), value);
    position = end + 1;
  }
  return { fields, bodyStart: Math.min(position, text.length) };
}

function sliceBytes(bytes: Uint8Array, startText: string | undefined, endText: string | undefined): string | null {
  const start = offset(startText);
  const end = offset(endText);
  if (start === null || end === null || start >= end || end > bytes.length) return null;
  if (splitsCharacter(bytes, start) || splitsCharacter(bytes, end)) return null;
  return new TextDecoder('utf-8').decode(bytes.subarray(start, end));
}

function offset(text: string | undefined): number | null {
  if (text === undefined || !/^\s*\d{1,10}\s*$/.test(text)) return null;
  return Number(text);
}

/** True when the offset falls inside a multi-byte UTF-8 sequence (on a continuation byte). */
function splitsCharacter(bytes: Uint8Array, position: number): boolean {
  const byte = bytes[position];
  return byte !== undefined && (byte & 0b1100_0000) === 0b1000_0000;
}

function sliceByMarkers(text: string): string | null {
  const start = startMarker.exec(text);
  if (!start) return null;
  const from = start.index + start[0].length;
  const end = endMarker.exec(text.slice(from));
  return end ? text.slice(from, from + end.index) : null;
}
