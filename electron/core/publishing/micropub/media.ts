import type { Transport } from '../blogAdapter';
import { hostOf, sendRequest, type HttpRequest } from '../http/request';
import { checkApiStatus, explanationOf } from '../http/apiDialect';
import { tooLargeRefusal, type ImageUpload, type RemoteImage } from '../imageUpload';
import { PublishingError } from '../publishingError';
import { micropubDialect } from './adapter';

/**
 * Uploads the image to the site's media endpoint (multipart `file`), which answers 201 with the
 * file's address in Location. A media endpoint has no way to find an upload by name, so after a
 * lost answer it is sent again, and the first copy stays unused on the server.
 */
export async function uploadMicropubImage(
  connection: { readonly mediaEndpoint: string; readonly token: string; readonly transport: Transport },
  upload: ImageUpload,
): Promise<RemoteImage> {
  const form = new FormData();
  form.set('file', new Blob([upload.data], { type: upload.type }), upload.name);
  const request: HttpRequest = {
    method: 'POST',
    url: connection.mediaEndpoint,
    headers: { authorization: `Bearer ${connection.token}`, accept: 'application/json' },
    body: form,
  };
  const response = await sendRequest(connection.transport, request);
  if (response.status >= 400) {
    const refusal = tooLargeRefusal(response, explanationOf(response, micropubDialect));
    if (refusal) throw refusal;
  }
  checkApiStatus(request, response, micropubDialect);
  const location = response.headers.get('location');
  if (location === null) {
    throw new PublishingError(
      'malformed-response',
      `${hostOf(connection.mediaEndpoint)} took the image but did not say where it is (no Location).`,
      { status: response.status },
    );
  }
  return { remoteId: null, url: new URL(location, connection.mediaEndpoint).toString() };
}

/** Why a Micropub site without a media endpoint cannot take the post's images. */
export function noMediaEndpoint(siteUrl: string): string {
  return `${hostOf(siteUrl)} announces no Micropub media endpoint, so the post's images cannot be uploaded there. Publish it without images, or ask the site's software for a media endpoint.`;
}
