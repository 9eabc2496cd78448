import { z } from 'zod';
import type { Transport } from '../blogAdapter';
import { sendRequest, type HttpRequest } from '../http/request';
import { readJson } from '../http/responses';
import { tooLargeRefusal, uploadTitle, type ImageUpload, type RemoteImage } from '../imageUpload';
import { restRoute } from './restRoute';

/** What WordPress answers for a media item: only the fields used. */
const RestMediaSchema = z.object({
  id: z.number().int().positive(),
  source_url: z.string().min(1),
  title: z.object({ rendered: z.string() }),
});
const RestMediaListSchema = z.array(RestMediaSchema);
const RestErrorSchema = z.object({ code: z.string(), message: z.string() });

/** How the REST adapter reaches WordPress: the API root, its Basic credentials, the network. */
export interface RestConnection {
  readonly apiRoot: string;
  readonly authorization: string;
  readonly transport: Transport;
}

/**
 * POST /wp/v2/media with the image as the raw body (Content-Disposition names it), its alt text
 * and caption in the same request, so one write makes the whole item. WordPress titles the item
 * after the file name, which is how `findRestImage` finds it after a lost answer.
 */
export async function uploadRestImage(connection: RestConnection, upload: ImageUpload): Promise<RemoteImage> {
  const request: HttpRequest = {
    method: 'POST',
    url: restRoute(connection.apiRoot, 'wp/v2/media', { alt_text: upload.alt, caption: upload.caption }),
    headers: {
      authorization: connection.authorization,
      accept: 'application/json',
      'content-type': upload.type,
      'content-disposition': `attachment; filename="${upload.name}"`,
    },
    body: upload.data,
  };
  const response = await sendRequest(connection.transport, request);
  if (response.status >= 400) {
    const said = RestErrorSchema.safeParse(safeJson(response.body));
    const refusal = tooLargeRefusal(response, said.success ? `${said.data.message} (${said.data.code})` : '');
    if (refusal) throw refusal;
  }
  const media = readJson(request, response, RestMediaSchema, 'uploading the image');
  return { remoteId: String(media.id), url: media.source_url };
}

/**
 * The media item an earlier upload of this image made, found by its title (never by its address:
 * WordPress renames a file whose name is taken); null when there is none.
 */
export async function findRestImage(
  connection: RestConnection,
  upload: Pick<ImageUpload, 'file'>,
): Promise<RemoteImage | null> {
  const title = uploadTitle(upload.file);
  const request: HttpRequest = {
    method: 'GET',
    url: restRoute(connection.apiRoot, 'wp/v2/media', { search: title, per_page: '100', orderby: 'id', order: 'asc' }),
    headers: { authorization: connection.authorization, accept: 'application/json' },
  };
  const found = readJson(
    request,
    await sendRequest(connection.transport, request),
    RestMediaListSchema,
    'looking for the image',
  );
  // The oldest of several (two attempts both got through) is the one to keep using.
  const same = found.find((media) => media.title.rendered === title);
  return same ? { remoteId: String(same.id), url: same.source_url } : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
