import { z } from 'zod';
import { OUTBOX_ENTRY_VERSION } from '../../../shared/model/outbox';
import { NewerVersionError } from '../storage/jsonDocument';

type EntryJson = Record<string, unknown>;

const VersionedSchema = z.looseObject({ schemaVersion: z.number().int().positive() });
const RemoteTimeSchema = z.looseObject({ remoteModifiedAt: z.string() });

/**
 * Version 1 → 2: a held conflict names the blog's modified time (version 1 kept only `true`; the
 * time the post was last sent stands in, and the library's migration puts the known one back);
 * a cancellation gets its reason (none: the writer cancelled); interruptions start at 0.
 */
function heldConflictAndReasons(entry: EntryJson): EntryJson {
  const state = z.looseObject({ state: z.string() }).parse(entry['state']);
  const remote = RemoteTimeSchema.nullable()
    .catch(null)
    .parse(entry['remote'] ?? null);
  const createdAt = z.string().parse(entry['createdAt']);
  let migrated: Record<string, unknown> = state;
  if (state.state === 'needs-you') {
    const conflict = state['conflict'] === true ? { remoteModifiedAt: remote?.remoteModifiedAt ?? createdAt } : null;
    migrated = { ...state, conflict };
  } else if (state.state === 'cancelled') {
    migrated = { ...state, reason: null };
  }
  return { ...entry, state: migrated, interruptions: 0 };
}

/** migrations[n] turns a version-n entry into a version-(n+1) one. */
const migrations: Readonly<Record<number, (entry: EntryJson) => EntryJson>> = {
  1: heldConflictAndReasons,
};

/**
 * Brings an outbox entry of an older format to the current one; validation comes after. One from
 * a newer app is refused and left as it is on disk.
 */
export function migrateEntryDocument(json: unknown, file: string): unknown {
  let entry: EntryJson = VersionedSchema.parse(json);
  let version = VersionedSchema.parse(entry).schemaVersion;
  if (version > OUTBOX_ENTRY_VERSION) throw new NewerVersionError(file, version);
  while (version < OUTBOX_ENTRY_VERSION) {
    const migrate = migrations[version];
    if (!migrate) throw new Error(`no migration from outbox entry format ${version}`);
    entry = { ...migrate(entry), schemaVersion: version + 1 };
    version += 1;
  }
  return entry;
}
