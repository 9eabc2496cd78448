import { extensionOf, imageMediaTypes, MediaFileSchema } from '../../../shared/model/image';
import type { MediaStore } from './mediaStore';

/** An answer to a request for a library image, for any host to send (HTTP or a protocol handler). */
export interface MediaResponse {
  readonly status: 200 | 404 | 405;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
}

/**
 * The read-only policy both hosts serve the library's images by: GET or HEAD only, a name that
 * is exactly "<sha256>.<ext>" (no folders, no dots, nothing else in media/ or outside it), the
 * type from the format the library wrote (never sniffed), and cacheable for good since a name
 * never changes content.
 */
export async function mediaResponse(store: MediaStore, method: string, name: string): Promise<MediaResponse> {
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Images are read-only.');
  const file = MediaFileSchema.safeParse(name);
  if (!file.success) return text(404, 'No such image.');
  const data = await store.read(file.data);
  if (data === null) return text(404, 'No such image in the library.');
  return {
    status: 200,
    headers: {
      'Content-Type': imageMediaTypes[extensionOf(file.data)],
      'Content-Length': String(data.byteLength),
      'Cache-Control': 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      // Opened on its own, an image is a document: it may load and run nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
    body: method === 'HEAD' ? '' : data,
  };
}

function text(status: 404 | 405, message: string): MediaResponse {
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    body: message,
  };
}
