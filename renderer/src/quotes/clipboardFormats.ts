import type { ClipboardPayload } from '../../../shared/model/clipboard';

/**
 * What a paste or a drop carries, as the clipboard payload the core parses: each type's text, and
 * images (files) by their type alone, so the core can say "an image cannot be quoted".
 */
export function payloadFromDataTransfer(data: DataTransfer): ClipboardPayload {
  const formats: Record<string, string> = {};
  for (const type of data.types) {
    if (type === 'Files') continue;
    formats[type] = data.getData(type);
  }
  for (const file of Array.from(data.files)) formats[file.type || 'application/octet-stream'] = '';
  return { formats };
}
