import { z } from 'zod';
import type { Transport } from '../blogAdapter';
import { sendRequest, type HttpRequest } from '../http/request';
import { explanationOf, readApiJson } from '../http/apiDialect';
import { tooLargeRefusal, type ImageUpload, type RemoteImage } from '../imageUpload';
import { ghostDialect } from './adminAdapter';

const UploadedSchema = z.object({ images: z.array(z.object({ url: z.string().min(1) })).min(1) });

/** How the Ghost adapter reaches the Admin API: where it is, fresh auth headers, the network. */
export interface GhostConnection {
  readonly apiRoot: string;
  readonly transport: Transport;
  /** Authorization and version headers, with a token minted now. */
  readonly headers: () => Record<string, string>;
}

/**
 * POST images/upload/ (multipart: the file, purpose=image, and our name as its ref). Ghost keeps
 * no list of images to search, so an upload cannot be found again: after a lost answer it is
 * sent again, and the first copy stays on the server unused (never a broken image in a post).
 */
export async function uploadGhostImage(connection: GhostConnection, upload: ImageUpload): Promise<RemoteImage> {
  const form = new FormData();
  form.set('file', new Blob([upload.data], { type: upload.type }), upload.name);
  form.set('purpose', 'image');
  form.set('ref', upload.name);
  const request: HttpRequest = {
    method: 'POST',
    url: new URL('images/upload/', connection.apiRoot).toString(),
    headers: { ...connection.headers(), accept: 'application/json' },
    body: form,
  };
  const response = await sendRequest(connection.transport, request);
  if (response.status >= 400) {
    const refusal = tooLargeRefusal(response, explanationOf(response, ghostDialect));
    if (refusal) throw refusal;
  }
  const [image] = readApiJson(request, response, UploadedSchema, 'uploading the image', ghostDialect).images;
  if (!image) throw new Error('Ghost answered an upload with no image.');
  return { remoteId: null, url: image.url };
}
