import { z } from 'zod';
import { DRAFT_SCHEMA_VERSION } from '../../../shared/model/draft';
import { withCleanHashtags } from '../../../shared/model/hashtags';
import { NewerVersionError } from '../storage/jsonDocument';

type DocumentJson = Record<string, unknown>;

/**
 * What older formats held that drafts no longer keep, handed to the fact's owner when the
 * document is rewritten: `targets`, where the draft stood on each blog (formats 2 and 3), now the
 * outbox's. Absent when the document never held it.
 */
export interface LegacyFields {
  readonly targets?: unknown;
}

interface Migrated {
  readonly document: DocumentJson;
  readonly legacy: LegacyFields;
}

const VersionedSchema = z.looseObject({ schemaVersion: z.number().int().positive() });

/** Version 1 → 2: targets, a list of {accountId, status}, become a record keyed by account. */
function targetsByAccount({ document, legacy }: Migrated): Migrated {
  const targets = z
    .array(z.looseObject({ accountId: z.string(), status: z.unknown() }))
    .parse(document['targets'] ?? []);
  // A list could hold one account twice; the later entry is the more recent state.
  return {
    document: { ...document, targets: Object.fromEntries(targets.map((target) => [target.accountId, target.status])) },
    legacy,
  };
}

/** Version 2 → 3: drafts may have a featured image; none had one before. */
function withFeaturedImage({ document, legacy }: Migrated): Migrated {
  return { document: { ...document, featuredImage: null }, legacy };
}

/**
 * Version 3 → 4: drafts hold content only. Where the draft stood on its blogs leaves the document
 * and is handed over (the library passes it to the outbox before it rewrites the document).
 */
function contentOnly({ document, legacy }: Migrated): Migrated {
  const { targets, ...rest } = document;
  return { document: rest, legacy: { ...legacy, targets: targets ?? {} } };
}

/** migrations[n] turns a version-n document into a version-(n+1) one. */
const migrations: Readonly<Record<number, (migrated: Migrated) => Migrated>> = {
  1: targetsByAccount,
  2: withFeaturedImage,
  3: contentOnly,
};

/** Whether a parsed document needs migrating before it can be validated as a current draft. */
export function draftVersionOf(json: unknown): number {
  return VersionedSchema.parse(json).schemaVersion;
}

/**
 * Brings a draft document of any older version to the current one, and repairs what a rule since
 * made stricter (hashtags); validation comes after. What
 * older versions held that the current one does not comes back as `legacy`. A document from a
 * newer app is refused, and left as it is on disk.
 */
export function migrateDraftDocument(json: unknown, file: string): Migrated {
  let migrated: Migrated = { document: VersionedSchema.parse(json), legacy: {} };
  let version = draftVersionOf(json);
  if (version > DRAFT_SCHEMA_VERSION) throw new NewerVersionError(file, version);
  while (version < DRAFT_SCHEMA_VERSION) {
    const migrate = migrations[version];
    if (!migrate) throw new Error(`no migration from draft format ${version}`);
    const next = migrate(migrated);
    migrated = { document: { ...next.document, schemaVersion: version + 1 }, legacy: next.legacy };
    version += 1;
  }
  // Hashtags stored before their rule was made stricter are repaired whatever the version.
  return { ...migrated, document: withCleanHashtags(migrated.document) as typeof migrated.document };
}
