import { z } from 'zod';
import type { Transport } from '../blogAdapter';
import { hostOf } from '../http/request';
import { uploadTitle, type ImageUpload, type RemoteImage } from '../imageUpload';
import { PublishingError } from '../publishingError';
import { callXmlRpc, parseAnswer } from './xmlRpc';

const Id = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);

/** wp.uploadFile and metaWeblog.newMediaObject answer alike; WordPress adds the attachment's id. */
const UploadedSchema = z.looseObject({
  url: z.string().min(1),
  id: Id.optional(),
  attachment_id: Id.optional(),
});

/** One item of wp.getMediaLibrary. */
const LibraryItemSchema = z.looseObject({ attachment_id: Id, title: z.string(), link: z.string().min(1) });
const LibraryPageSchema = z.array(LibraryItemSchema);

/** How an XML-RPC adapter reaches the blog. */
export interface XmlRpcConnection {
  readonly transport: Transport;
  readonly endpoint: string;
  readonly blogId: string;
  readonly user: string;
  readonly password: string;
}

const PAGE = 100;
/** How far back the media library is searched for an earlier upload: recent uploads come first. */
const MAX_PAGES = 20;

/**
 * Uploads the image's bytes (base64) with wp.uploadFile (WordPress) or metaWeblog.newMediaObject
 * (every MetaWeblog blog); never overwriting, so an upload of another image by the same name is
 * renamed by the blog rather than replaced.
 */
export async function uploadXmlRpcImage(
  connection: XmlRpcConnection,
  upload: ImageUpload,
  method: 'wp.uploadFile' | 'metaWeblog.newMediaObject',
): Promise<RemoteImage> {
  const { transport, endpoint, blogId, user, password } = connection;
  const file = { name: upload.name, type: upload.type, bits: upload.data, overwrite: false };
  let answer;
  try {
    answer = await callXmlRpc(transport, endpoint, method, [blogId, user, password, file]);
  } catch (error) {
    throw tooLarge(error, endpoint) ?? error;
  }
  const uploaded = parseAnswer(answer, UploadedSchema, hostOf(endpoint), 'uploading the image');
  return { remoteId: uploaded.attachment_id ?? uploaded.id ?? null, url: uploaded.url };
}

/**
 * The attachment an earlier upload of this image made, found by its title in wp.getMediaLibrary
 * (newest first, page by page); null when there is none.
 */
export async function findXmlRpcImage(
  connection: XmlRpcConnection,
  upload: Pick<ImageUpload, 'file' | 'name'>,
): Promise<RemoteImage | null> {
  const { transport, endpoint, blogId, user, password } = connection;
  // XML-RPC uploads are titled with the whole file name; one made elsewhere (REST) without its extension.
  const titles = new Set([upload.name, uploadTitle(upload.file)]);
  let match: RemoteImage | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const filter = { number: PAGE, offset: page * PAGE, mime_type: 'image' };
    const answer = await callXmlRpc(transport, endpoint, 'wp.getMediaLibrary', [blogId, user, password, filter]);
    const items = parseAnswer(answer, LibraryPageSchema, hostOf(endpoint), 'looking for the image');
    // Newest first: the last match seen is the oldest upload, the one to keep using.
    for (const item of items) if (titles.has(item.title)) match = { remoteId: item.attachment_id, url: item.link };
    if (items.length < PAGE) break;
  }
  return match;
}

/** WordPress refuses an upload over its limit with a fault naming the size. */
function tooLarge(error: unknown, endpoint: string): PublishingError | null {
  if (!(error instanceof PublishingError) || !/too (big|large)|exceeds|maximum upload|file size/i.test(error.message)) {
    return null;
  }
  return new PublishingError(
    'too-large',
    `${hostOf(endpoint)} refused the image as too large. ${error.message} Make the image smaller for this blog and publish again.`,
    { cause: error },
  );
}
