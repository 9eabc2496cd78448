import { z } from 'zod';
import { DRAFT_SCHEMA_VERSION } from '../../../shared/model/draft';
import { withCleanHashtags } from '../../../shared/model/hashtags';
import { NewerVersionError } from '../storage/jsonDocument';

type DocumentJson = Record<string, unknown>;

const VersionedSchema = z.looseObject({ schemaVersion: z.number().int().positive() });

/** Version 1 → 2: targets, a list of {accountId, status}, become a record keyed by account. */
function targetsByAccount(document: DocumentJson): DocumentJson {
  const targets = z
    .array(z.looseObject({ accountId: z.string(), status: z.unknown() }))
    .parse(document['targets'] ?? []);
  // A list could hold one account twice; the later entry is the more recent state.
  return { ...document, targets: Object.fromEntries(targets.map((target) => [target.accountId, target.status])) };
}

/** Version 2 → 3: drafts may have a featured image; none had one before. */
function withFeaturedImage(document: DocumentJson): DocumentJson {
  return { ...document, featuredImage: null };
}

/** migrations[n] turns a version-n document into a version-(n+1) one. */
const migrations: Readonly<Record<number, (document: DocumentJson) => DocumentJson>> = {
  1: targetsByAccount,
  2: withFeaturedImage,
};

/** Whether a parsed document needs migrating before it can be validated as a current draft. */
export function draftVersionOf(json: unknown): number {
  return VersionedSchema.parse(json).schemaVersion;
}

/**
 * Brings a draft document of any older version to the current one, and repairs what a rule since
 * made stricter (hashtags); validation comes after. A document from a newer app is refused, and
 * left as it is on disk.
 */
export function migrateDraftDocument(json: unknown, file: string): unknown {
  let document: DocumentJson = VersionedSchema.parse(json);
  let version = draftVersionOf(document);
  if (version > DRAFT_SCHEMA_VERSION) throw new NewerVersionError(file, version);
  while (version < DRAFT_SCHEMA_VERSION) {
    const migrate = migrations[version];
    if (!migrate) throw new Error(`no migration from draft format ${version}`);
    document = { ...migrate(document), schemaVersion: version + 1 };
    version += 1;
  }
  return withCleanHashtags(document);
}
