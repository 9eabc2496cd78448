import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { IdSchema, PublishStateSchema } from '../../../shared/model/draft';
import { ClientIdentitySchema, RemoteLinkSchema } from '../../../shared/model/outbox';
import { isTempFile, syncFolder } from '../storage/durableWrite';
import { NewerVersionError, openDocument, type DocumentCodec } from '../storage/jsonDocument';
import { RepairNeededError } from '../storage/readOnly';

/**
 * What the outbox knows of one draft's post on one blog when no entry says it: a post pulled from
 * the blog, one moved out of an older draft document, or the last word of entries since pruned.
 * `sequence` orders it among the post's entries: the record with the highest one is the latest.
 */
export const PostLinkSchema = z.strictObject({
  sequence: z.number().int().nonnegative(),
  /** The post on the blog, or null when there is none (any more). */
  remote: RemoteLinkSchema.nullable(),
  /** The client identity stamped on the post, when known (the same form as an entry's). */
  identity: ClientIdentitySchema.nullable(),
  /**
   * A state an older draft document held that no entry backs (queued, needs you, …): kept as it
   * was, so that moving states out of drafts loses none, until the outbox next records anything
   * for the post. Null for a post whose state follows from `remote`.
   */
  standing: PublishStateSchema.nullable(),
});
export type PostLink = z.infer<typeof PostLinkSchema>;

/**
 * The version of the link record format. Version 2 keeps how the blog holds the post (`held` in
 * its remote link) and a standing needs-you state's cause; version-1 records are migrated on read.
 */
export const LINKS_VERSION = 2;

const LinksDocumentSchema = z.strictObject({
  schemaVersion: z.literal(LINKS_VERSION),
  draftId: IdSchema,
  /** Keyed by account id. */
  blogs: z.record(IdSchema, PostLinkSchema),
});
export type LinksDocument = z.infer<typeof LinksDocumentSchema>;

const VersionSchema = z.looseObject({ schemaVersion: z.number().int().positive() });

/** A needs-you state from before causes were kept says only its reason: its cause is "other". */
export function withNeedsYouCause(state: unknown): unknown {
  const needsYou = z.looseObject({ state: z.literal('needs-you') }).safeParse(state);
  if (!needsYou.success || 'cause' in needsYou.data) return state;
  return { ...needsYou.data, cause: 'other' };
}

const LegacyLinksSchema = z.looseObject({ blogs: z.record(z.string(), z.looseObject({ remote: z.unknown() })) });

/**
 * Version 1 → 2: a version-1 record never knew how the blog held its post (it was derived from the
 * entry that sent it, which is gone by the time a record speaks for the post): unknown, so shown
 * as published, as before. A standing needs-you state gets the cause "other".
 */
function heldAndCauses(json: unknown): unknown {
  const document = LegacyLinksSchema.parse(json);
  const blogs = Object.fromEntries(
    Object.entries(document.blogs).map(([accountId, link]) => {
      const remote = z.looseObject({}).nullable().parse(link.remote);
      return [
        accountId,
        {
          ...link,
          remote: remote === null ? null : { ...remote, held: null },
          standing: withNeedsYouCause(link['standing'] ?? null),
        },
      ];
    }),
  );
  return { ...document, blogs, schemaVersion: LINKS_VERSION };
}

function codecFor(file: string): DocumentCodec<LinksDocument> {
  return {
    parse(json) {
      const version = VersionSchema.parse(json).schemaVersion;
      if (version > LINKS_VERSION) throw new NewerVersionError(file, version);
      return LinksDocumentSchema.parse(version === 1 ? heldAndCauses(json) : json);
    },
  };
}

/**
 * The outbox's records of posts on blogs, on disk: `<library>/outbox/links/<draft id>.json`, one
 * durable document per draft (its posts on every blog), so recording one costs O(that draft).
 */
export class LinkStore {
  readonly #folder: string;

  constructor(libraryFolder: string) {
    this.#folder = path.join(libraryFolder, 'outbox', 'links');
  }

  /**
   * Reads every record; a damaged one is set aside in `links/quarantine/` and reported (its posts
   * show as not published until the next publish finds them by their identity). A reader
   * (`readOnly`) moves nothing and refuses a damaged record.
   */
  async loadAll(
    logError: (message: string, error: unknown) => void,
    { readOnly = false }: { readonly readOnly?: boolean } = {},
  ): Promise<LinksDocument[]> {
    if (!readOnly) await mkdir(this.#folder, { recursive: true });
    const names = await readdir(this.#folder).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    });
    const documents: LinksDocument[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || isTempFile(name)) continue;
      const file = path.join(this.#folder, name);
      try {
        const document = openDocument<LinksDocument | null>(file, codecFor(file), null);
        await document.read();
        if (document.data) documents.push(document.data);
      } catch (error) {
        if (error instanceof NewerVersionError) {
          logError(`The outbox's record ${name} was left alone`, error);
          continue;
        }
        if (readOnly) throw new RepairNeededError(`The outbox's record ${name} is damaged.`);
        logError(`The outbox's record ${name} was damaged and set aside`, error);
        await this.#quarantine(file, name).catch((moveError: unknown) =>
          logError(`The damaged record ${name} could not be moved`, moveError),
        );
      }
    }
    return documents;
  }

  /** Writes the draft's record durably. */
  async save(document: LinksDocument): Promise<void> {
    const file = this.#file(document.draftId);
    await openDocument<LinksDocument>(file, codecFor(file), document).write();
  }

  async remove(draftId: string): Promise<void> {
    await rm(this.#file(draftId), { force: true });
  }

  #file(draftId: string): string {
    return path.join(this.#folder, `${draftId}.json`);
  }

  async #quarantine(file: string, name: string): Promise<void> {
    const quarantine = path.join(this.#folder, 'quarantine');
    await mkdir(quarantine, { recursive: true });
    await rename(file, path.join(quarantine, name));
    await syncFolder(this.#folder);
  }
}
