import { z } from 'zod';

/** Which program opened the library for writing: named in the message others get. */
export const LockProgramSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('app') }),
  z.strictObject({ kind: z.literal('dev-host') }),
  /** `command` is what follows `commonplace`, e.g. "drafts create". */
  z.strictObject({ kind: z.literal('cli'), command: z.string().min(1) }),
]);
export type LockProgram = z.infer<typeof LockProgramSchema>;

/** What the library's lock file says: who holds the library, so others can name them or see they are gone. */
export const LockRecordSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Unique per acquisition: a holder removes the lock only while it still carries its own token. */
  token: z.string().min(1),
  pid: z.number().int().positive(),
  hostname: z.string(),
  /** Which boot of that computer (Linux; null elsewhere): a lock from before a reboot has no holder. */
  bootId: z.string().nullable(),
  program: LockProgramSchema,
  since: z.iso.datetime({ offset: true }),
});
export type LockRecord = z.infer<typeof LockRecordSchema>;

/** Why a writer could not have the library. */
export type LockRefusal =
  | {
      readonly kind: 'held';
      readonly holder: LockRecord;
      /** Held from another computer (a synced or network folder): its process cannot be checked from here. */
      readonly elsewhere: boolean;
      readonly file: string;
    }
  /** The lock file exists but says nothing readable: nobody can tell who made it. */
  | { readonly kind: 'unreadable'; readonly file: string };
