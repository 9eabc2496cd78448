import { defaultAccountOptions } from '../../../shared/model/account';
import type { DraftContent } from '../../../shared/model/draft';
import { HttpUrlSchema } from '../../../shared/model/draft';
import { extensionOf, imageMediaTypes, type ImageMediaType, type MediaFile } from '../../../shared/model/image';
import { imageUses, MEDIA_SCHEME, withImageDestinations, type ImageUse } from '../../../shared/media/references';
import { imagesWithoutAddress, withImageAddresses } from '../../../shared/render/imageSources';
import { AppError } from '../../../shared/result';
import { MediaStore } from '../media/mediaStore';
import { scaledToFit } from '../media/processImage';
import type { OutgoingPost } from '../publishing/blogAdapter';
import { uploadName, type ImageUpload, type ImageUploader, type RemoteImage } from '../publishing/imageUpload';
import { PublishingError } from '../publishing/publishingError';
import { UploadRecords } from './uploadRecords';

/** The images of one post on one blog, uploaded: how the outgoing post names them. */
export interface PostImages {
  /** The blog's copy of each library image the post uses. */
  readonly addresses: ReadonlyMap<MediaFile, RemoteImage>;
  /** The post with every library image named by its address on the blog, and its featured image; throws if one is left. */
  place(post: OutgoingPost): OutgoingPost;
}

export interface SendImagesRequest {
  readonly accountId: string;
  readonly draft: Pick<DraftContent, 'commentary' | 'quotes' | 'featuredImage'>;
  readonly adapter: ImageUploader;
  /** True when an earlier attempt at this entry may have uploaded images it did not record. */
  readonly mayHaveUploaded: boolean;
  /** The longest side of an image as this blog receives it (the account's option); its default when not said. */
  readonly maxImageSide?: number;
}

/**
 * Sends a post's images to a blog, each exactly once per blog: an image recorded as uploaded is
 * never sent again; one that an interrupted attempt may have sent is looked for first; each new
 * upload is recorded durably before the post that uses it goes out. Nothing is sent for a blog
 * that takes no images: the post is refused with the blog's reason.
 */
export class BlogImages {
  readonly #media: MediaStore;
  readonly #records: UploadRecords;

  constructor(options: {
    readonly libraryFolder: string;
    readonly logError: (message: string, error: unknown) => void;
    readonly now: () => Date;
  }) {
    this.#media = new MediaStore(options.libraryFolder, { readOnly: true });
    this.#records = new UploadRecords(options);
  }

  async send(request: SendImagesRequest): Promise<PostImages> {
    const uses = firstUseOfEach(imageUses(request.draft));
    const addresses = new Map<MediaFile, RemoteImage>();
    if (uses.length > 0) {
      const support = await request.adapter.imageSupport();
      if (support.kind === 'refuses') throw new PublishingError('rejected', support.reason);
      for (const use of uses) {
        addresses.set(use.file, await this.#sendOnce(request, use, support.findable));
      }
    }
    const featured = request.draft.featuredImage ? (addresses.get(request.draft.featuredImage.file) ?? null) : null;
    return { addresses, place: (post) => ({ ...placed(post, addresses), featuredImage: featured }) };
  }

  async #sendOnce(request: SendImagesRequest, use: ImageUse, findable: boolean): Promise<RemoteImage> {
    const recorded = await this.#records.find(request.accountId, use.file);
    if (recorded.image) return recorded.image;
    const upload = { file: use.file, name: uploadName(use.file), alt: use.alt, caption: use.caption };
    const mayBeThere = findable && (request.mayHaveUploaded || recorded.mayBeThere);
    const found = mayBeThere ? await request.adapter.findImage(upload) : null;
    const image = checkedAddress(found ?? (await this.#upload(request, upload, findable)));
    await this.#records.record(request.accountId, use.file, image);
    return image;
  }

  async #upload(
    request: SendImagesRequest,
    upload: Omit<ImageUpload, 'data' | 'type'>,
    findable: boolean,
  ): Promise<RemoteImage> {
    const maxImageSide = request.maxImageSide ?? defaultAccountOptions.maxImageSide;
    const scaled = await this.#scaled(upload.file, maxImageSide);
    // Where a lost upload can be found again, the next post that uses the image (maybe another
    // post's first attempt) must know to look: marked before anything is sent.
    if (findable) await this.#records.begin(request.accountId, upload.file);
    return request.adapter.uploadImage({ ...upload, ...scaled });
  }

  async #scaled(
    file: MediaFile,
    maxImageSide: number,
  ): Promise<{ readonly data: Uint8Array; readonly type: ImageMediaType }> {
    const data = await this.#media.read(file);
    if (data === null) {
      throw new AppError(
        'not-found',
        `An image this post uses (${file}) is missing from the library's media folder, so the post cannot go out with it. ` +
          'Add the image to the draft again, or remove it, then publish again.',
      );
    }
    const ext = extensionOf(file);
    const scaled = await scaledToFit({ data, ext }, maxImageSide);
    return { data: scaled.data, type: imageMediaTypes[ext] };
  }
}

/** The first use of each file: its alt text and caption go with the one upload of that file. */
function firstUseOfEach(uses: readonly ImageUse[]): ImageUse[] {
  const seen = new Set<MediaFile>();
  return uses.filter((use) => !seen.has(use.file) && seen.add(use.file));
}

/** A blog's answer names the image's web address; anything else must never reach a post's HTML. */
function checkedAddress(image: RemoteImage): RemoteImage {
  if (HttpUrlSchema.safeParse(image.url).success) return image;
  throw new PublishingError(
    'malformed-response',
    `The blog answered an image upload with an address that is not a web address ("${image.url.slice(0, 100)}").`,
  );
}

function placed(post: OutgoingPost, addresses: ReadonlyMap<MediaFile, RemoteImage>): OutgoingPost {
  const addressOf = (file: MediaFile): string | null => addresses.get(file)?.url ?? null;
  const html = withImageAddresses(post.html, addressOf);
  // A blog that takes Markdown (a static site) renders the content itself: its images need the same addresses.
  const inMarkdown = (markdown: string): string => withImageDestinations(markdown, MEDIA_SCHEME, addressOf);
  const content = {
    ...post.content,
    commentary: inMarkdown(post.content.commentary),
    quotes: post.content.quotes.map((quote) => ({ ...quote, excerpt: inMarkdown(quote.excerpt) })),
  };
  const left = [
    ...new Set([
      ...imagesWithoutAddress(html),
      ...imageUses({ ...content, featuredImage: null }).map((use) => use.file),
    ]),
  ];
  if (left.length > 0) {
    // Never half a post: a reader would see a broken image where the writer put one.
    throw new AppError(
      'invalid-input',
      `The post names ${left.length === 1 ? 'an image' : `${left.length} images`} that could not be given an address on the blog (${left.join(', ')}), so it was not sent. ` +
        'Check the images in the draft, then publish again.',
    );
  }
  return { ...post, html, content };
}
