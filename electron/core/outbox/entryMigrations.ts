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

const ScheduleSchema = z.looseObject({ status: z.string(), date: z.string().optional() });

/**
 * Version 2 → 3: the post's link keeps how the blog holds it. A version-2 entry that sent the post
 * knows it from its schedule (where to open it meanwhile, it cannot know); any other link leaves
 * it unknown, as before. A needs-you entry gets its cause: version 2 kept only the words, and the
 * two causes that have a remedy of their own are told by them (they are the app's own sentences).
 */
function heldAndCauses(entry: EntryJson): EntryJson {
  const state = z.looseObject({ state: z.string() }).parse(entry['state']);
  const remote = z
    .looseObject({})
    .nullable()
    .parse(entry['remote'] ?? null);
  const schedule = ScheduleSchema.parse(entry['schedule']);
  const sent = entry['action'] === 'publish' && state.state === 'done';
  let held: unknown = null;
  if (sent && schedule.status === 'draft') held = { as: 'draft', open: null };
  if (sent && schedule.status === 'future') held = { as: 'scheduled', until: schedule.date, open: null };
  const migrated = state.state === 'needs-you' ? { ...state, cause: causeFromWords(state['reason']) } : state;
  return { ...entry, remote: remote === null ? null : { ...remote, held }, state: migrated };
}

function causeFromWords(reason: unknown): string {
  if (typeof reason !== 'string') return 'other';
  if (/ refused .*; update it in the blog's settings\./.test(reason)) return 'credentials';
  if (reason.startsWith('The blog this was going to was removed from your blogs')) return 'blog-removed';
  return 'other';
}

/** migrations[n] turns a version-n entry into a version-(n+1) one. */
const migrations: Readonly<Record<number, (entry: EntryJson) => EntryJson>> = {
  1: heldConflictAndReasons,
  2: heldAndCauses,
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
