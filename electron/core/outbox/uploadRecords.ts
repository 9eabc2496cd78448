import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { HttpUrlSchema, IdSchema } from '../../../shared/model/draft';
import { MediaFileSchema, type MediaFile } from '../../../shared/model/image';
import type { RemoteImage } from '../publishing/imageUpload';
import { syncFolder } from '../storage/durableWrite';
import { CorruptDocumentError, openDocument, schemaCodec } from '../storage/jsonDocument';
import type { Low } from 'lowdb';

const UPLOAD_RECORDS_VERSION = 2 as const;

const UploadedSchema = z.strictObject({
  remoteId: z.string().min(1).nullable(),
  url: HttpUrlSchema,
  uploadedAt: z.iso.datetime({ offset: true }),
});

const UploadRecordsSchema = z.strictObject({
  schemaVersion: z.literal(UPLOAD_RECORDS_VERSION),
  /** False after a damaged record was set aside: an image missing here may be on the blog already. */
  complete: z.boolean(),
  uploads: z.record(MediaFileSchema, UploadedSchema),
  /**
   * Uploads begun and not yet recorded, with when each began: the blog may hold them (the answer
   * was lost, or the app stopped), whichever post's attempt sent them.
   */
  begun: z.record(MediaFileSchema, z.iso.datetime({ offset: true })),
});
type UploadRecordsDocument = z.infer<typeof UploadRecordsSchema>;

/** Version 1 had no begun uploads: each outbox entry said whether its own attempt may have uploaded. */
const UploadRecordsV1Schema = UploadRecordsSchema.omit({ begun: true }).extend({ schemaVersion: z.literal(1) });

const codec = schemaCodec(
  z.union([
    UploadRecordsSchema,
    UploadRecordsV1Schema.transform((old) => ({ ...old, schemaVersion: UPLOAD_RECORDS_VERSION, begun: {} })),
  ]),
);

/**
 * Which library images are on which blog: `<library>/outbox/uploads/<account id>.json`, one
 * durable document per blog mapping a library file (its hash) to the uploaded copy. It is the
 * one owner of that fact, written before the post that uses the image is sent, so an image goes
 * to a blog once whatever happens to the posts that use it.
 */
export class UploadRecords {
  readonly #folder: string;
  readonly #logError: (message: string, error: unknown) => void;
  readonly #now: () => Date;
  readonly #blogs = new Map<string, Promise<Low<UploadRecordsDocument>>>();

  constructor(options: {
    readonly libraryFolder: string;
    readonly logError: (message: string, error: unknown) => void;
    readonly now: () => Date;
  }) {
    this.#folder = path.join(options.libraryFolder, 'outbox', 'uploads');
    this.#logError = options.logError;
    this.#now = options.now;
  }

  /**
   * The blog's copy of the image when one was recorded. `mayBeThere` is true when an upload of
   * it was begun and never recorded, or when the blog's record was damaged and set aside: the
   * blog may hold a copy nobody knows the address of.
   */
  async find(accountId: string, file: MediaFile): Promise<{ image: RemoteImage | null; mayBeThere: boolean }> {
    const { data } = await this.#blog(accountId);
    const recorded = data.uploads[file];
    return {
      image: recorded ? { remoteId: recorded.remoteId, url: recorded.url } : null,
      mayBeThere: !data.complete || data.begun[file] !== undefined,
    };
  }

  /**
   * Marks an upload of the image as begun, durably, before it is sent: until it is recorded, any
   * post that uses the image looks for it on the blog first (not only the post whose attempt sent it).
   */
  async begin(accountId: string, file: MediaFile): Promise<void> {
    await this.#change(accountId, (data) => ({ ...data, begun: { ...data.begun, [file]: this.#now().toISOString() } }));
  }

  /** Records the blog's copy durably: when this resolves, it survives a crash or a power cut. */
  async record(accountId: string, file: MediaFile, image: RemoteImage): Promise<void> {
    const uploaded = UploadedSchema.parse({ ...image, uploadedAt: this.#now().toISOString() });
    await this.#change(accountId, (data) => ({
      ...data,
      uploads: { ...data.uploads, [file]: uploaded },
      begun: Object.fromEntries(Object.entries(data.begun).filter(([begunFile]) => begunFile !== file)),
    }));
  }

  async #change(accountId: string, change: (data: UploadRecordsDocument) => UploadRecordsDocument): Promise<void> {
    const document = await this.#blog(accountId);
    const before = document.data;
    document.data = change(before);
    try {
      await document.write();
    } catch (error) {
      document.data = before;
      throw error;
    }
  }

  #blog(accountId: string): Promise<Low<UploadRecordsDocument>> {
    let blog = this.#blogs.get(accountId);
    if (!blog) {
      blog = this.#open(IdSchema.parse(accountId));
      this.#blogs.set(accountId, blog);
      // A failed read (a disk error) is tried again next time rather than remembered.
      blog.catch(() => this.#blogs.delete(accountId));
    }
    return blog;
  }

  async #open(accountId: string): Promise<Low<UploadRecordsDocument>> {
    await mkdir(this.#folder, { recursive: true });
    const file = path.join(this.#folder, `${accountId}.json`);
    const empty: UploadRecordsDocument = {
      schemaVersion: UPLOAD_RECORDS_VERSION,
      complete: true,
      uploads: {},
      begun: {},
    };
    const document = openDocument<UploadRecordsDocument>(file, codec, empty);
    try {
      await document.read();
      return document;
    } catch (error) {
      if (!(error instanceof CorruptDocumentError)) throw error;
      const stamp = this.#now().toISOString().replace(/[:.]/g, '-');
      const setAside = path.join(this.#folder, `${accountId}.damaged-${stamp}.json`);
      await rename(file, setAside);
      await syncFolder(this.#folder);
      this.#logError(
        `The record of images uploaded to blog ${accountId} was damaged and set aside at ${setAside}`,
        error,
      );
      // Written at once, so that the next start still knows the record lost what it held.
      document.data = { ...empty, complete: false };
      await document.write();
      return document;
    }
  }
}
