import { z } from 'zod';
import { BlogHoldSchema, HttpUrlSchema, IdSchema, NeedsYouCauseSchema } from './draft';

const IsoTimestamp = z.iso.datetime({ offset: true });

/** When a post goes live on the blog: now, as a remote draft, or at a set time. */
export const OutboxScheduleSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('publish') }),
  z.strictObject({ status: z.literal('draft') }),
  z.strictObject({ status: z.literal('future'), date: IsoTimestamp }),
]);
export type OutboxSchedule = z.infer<typeof OutboxScheduleSchema>;

/** An update held because the post was changed on the blog since it was sent from here. */
export const HeldConflictSchema = z.strictObject({
  /** When the blog last changed the post, as found when the update was held. */
  remoteModifiedAt: IsoTimestamp,
});

/**
 * Where one outbox entry stands. `sending` is only ever seen from outside while an attempt is
 * under way; an entry found in it when the outbox opens was interrupted, and is treated as an
 * attempt that may have reached the blog.
 */
export const OutboxEntryStateSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('queued') }),
  z.strictObject({ state: z.literal('sending'), startedAt: IsoTimestamp }),
  z.strictObject({ state: z.literal('retrying'), at: IsoTimestamp, reason: z.string().min(1) }),
  z.strictObject({ state: z.literal('done'), at: IsoTimestamp }),
  z.strictObject({
    state: z.literal('needs-you'),
    reason: z.string().min(1),
    /** What kind of remedy helps (see NeedsYouCauseSchema). */
    cause: NeedsYouCauseSchema,
    /** Set when the entry is held as a conflict: compare, then keep mine or take theirs. */
    conflict: HeldConflictSchema.nullable(),
  }),
  z.strictObject({
    state: z.literal('cancelled'),
    at: IsoTimestamp,
    /** Why, when it was not the writer who cancelled it (the blog was removed, …). */
    reason: z.string().min(1).nullable(),
  }),
]);
export type OutboxEntryState = z.infer<typeof OutboxEntryStateSchema>;

/**
 * The post on the blog as known here: what an update must not overwrite blindly. `sentHash` is
 * the content hash of what was sent; a draft whose hash differs is "changed since publish".
 */
export const RemoteLinkSchema = z.strictObject({
  remoteId: z.string().min(1),
  url: HttpUrlSchema,
  remoteModifiedAt: IsoTimestamp,
  sentHash: z.string().min(1),
  /** How the blog held the post when it last answered, when it did not show it; null when it did. */
  held: BlogHoldSchema.nullable(),
});
export type RemoteLink = z.infer<typeof RemoteLinkSchema>;

/** The identity stamped on a post before its first attempt (see publishing/clientIdentity.ts). */
export const ClientIdentitySchema = z.string().regex(/^[a-z0-9-]+$/);

/** `publish` creates the post, or updates it once it is on the blog; `delete` moves it to the blog's trash. */
export const OutboxActionSchema = z.enum(['publish', 'delete']);
export type OutboxAction = z.infer<typeof OutboxActionSchema>;

/**
 * The version of the outbox entry format. Version 2 gave a held conflict the blog's modified
 * time, a cancellation its reason, and counted interruptions; version 3 keeps how the blog holds
 * the post (a draft, scheduled) in its link and what a needs-you entry needs (its cause). Older
 * entries are migrated on read.
 */
export const OUTBOX_ENTRY_VERSION = 3;

/** One remote write, recorded durably before it is first tried. */
export const OutboxEntrySchema = z.strictObject({
  schemaVersion: z.literal(OUTBOX_ENTRY_VERSION),
  id: IdSchema,
  /** Order of recording: entries for one post are tried in this order. */
  sequence: z.number().int().nonnegative(),
  draftId: IdSchema,
  accountId: IdSchema,
  action: OutboxActionSchema,
  schedule: OutboxScheduleSchema,
  /** The client identity stamped on the post, stored before the first attempt. */
  identity: ClientIdentitySchema,
  /**
   * The post on the blog as known here: when the entry was recorded, then as the entry left it
   * once finished (null before the post was created, and after it was removed).
   */
  remote: RemoteLinkSchema.nullable(),
  /** True when an earlier attempt may have reached the blog: look for the post before creating it. */
  mayExist: z.boolean(),
  /** True after "keep mine": the update goes out even though the post changed on the blog. */
  force: z.boolean(),
  attempts: z.number().int().nonnegative(),
  /**
   * How many times in a row the app stopped while this entry was being sent. The first is
   * settled as an attempt that may have reached the blog; a second holds the entry for the
   * writer, so that a start never replays what stopped the app.
   */
  interruptions: z.number().int().nonnegative(),
  createdAt: IsoTimestamp,
  state: OutboxEntryStateSchema,
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

/** What `publish` tells its caller: on the blog, safely queued, or waiting for the writer. */
export const PublishOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('published'), remoteId: z.string().min(1), url: HttpUrlSchema }),
  z.strictObject({
    kind: z.literal('queued'),
    entryId: IdSchema,
    reason: z.string().min(1),
    /** When the outbox tries next on its own; null while offline (it tries when the connection returns). */
    nextAttemptAt: IsoTimestamp.nullable(),
  }),
  z.strictObject({
    kind: z.literal('needs-you'),
    entryId: IdSchema,
    reason: z.string().min(1),
    cause: NeedsYouCauseSchema,
  }),
]);
export type PublishOutcome = z.infer<typeof PublishOutcomeSchema>;

/** What `remove` tells its caller. */
export const RemoveOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('removed') }),
  z.strictObject({
    kind: z.literal('queued'),
    entryId: IdSchema,
    reason: z.string().min(1),
    nextAttemptAt: IsoTimestamp.nullable(),
  }),
  z.strictObject({
    kind: z.literal('needs-you'),
    entryId: IdSchema,
    reason: z.string().min(1),
    cause: NeedsYouCauseSchema,
  }),
]);
export type RemoveOutcome = z.infer<typeof RemoveOutcomeSchema>;

/** What `outbox drain` did: each entry tried, and how many are still pending. */
export const DrainReportSchema = z.strictObject({
  tried: z.array(
    z.strictObject({ entryId: IdSchema, draftId: IdSchema, accountId: IdSchema, state: OutboxEntryStateSchema }),
  ),
  done: z.number().int().nonnegative(),
  needsYou: z.number().int().nonnegative(),
  /** Entries still queued or retrying afterwards: 0 means the outbox is empty of work. */
  pending: z.number().int().nonnegative(),
});
export type DrainReport = z.infer<typeof DrainReportSchema>;

/** One side of a conflict, as the writer compares them. */
export const PostSideSchema = z.strictObject({
  title: z.string(),
  html: z.string(),
  tags: z.array(z.string()),
});
export type PostSide = z.infer<typeof PostSideSchema>;

/** The post as written here and as it now is on the blog, side by side. */
export const ConflictDetailsSchema = z.strictObject({
  draftId: IdSchema,
  accountId: IdSchema,
  remoteId: z.string().min(1),
  url: HttpUrlSchema,
  remoteModifiedAt: IsoTimestamp,
  local: PostSideSchema,
  remote: PostSideSchema,
});
export type ConflictDetails = z.infer<typeof ConflictDetailsSchema>;

/** "Keep mine" overwrites the blog with the draft; "take theirs" overwrites the draft with the blog. */
export const ConflictResolutionSchema = z.enum(['keep-mine', 'take-theirs']);
export type ConflictResolution = z.infer<typeof ConflictResolutionSchema>;

/** What `pull` brought into the library. */
export const PullReportSchema = z.strictObject({
  imported: z.array(IdSchema),
  /** Recent posts that were already linked to a draft here. */
  skipped: z.number().int().nonnegative(),
});
export type PullReport = z.infer<typeof PullReportSchema>;
