import { z } from 'zod';
import { call } from './callSpec';
import { DraftChangesSchema, DraftContentSchema, DraftSummarySchema, DraftViewSchema, IdSchema } from './model/draft';
import { DraftImageSchema, ImageInfoSchema, NewImageSchema } from './model/image';
import {
  DraftPageRequestSchema,
  DraftPageSchema,
  DraftQuerySchema,
  MAX_PAGE_DRAFTS,
  RevisionSummarySchema,
  TagCountSchema,
} from './model/library';
import { LibraryNoticeSchema } from './model/notice';

export const byId = z.strictObject({ id: IdSchema });

/**
 * The library's calls: the part of the contract (shared/contract.ts, which holds them with every
 * other call) that the library alone answers. Declared apart so that a host that opens only the
 * library (the CLI's draft commands) checks their input without building every other call's
 * schemas, and without loading the accounts', the outbox's and the themes' models at all.
 */
export const libraryCalls = {
  listDrafts: call(
    'The drafts that match the query (search words, status, tag, trash), most recently updated first.',
    DraftQuerySchema,
    z.array(DraftSummarySchema),
  ),
  listDraftPage: call(
    'A window of the drafts that match the query, most recently updated first, and how many match in all: what the list shows.',
    DraftPageRequestSchema,
    DraftPageSchema,
  ),
  listDraftSummaries: call(
    'The summaries of the named drafts that exist (one deleted since is left out): what a list naming drafts shows, as the outbox does.',
    z.strictObject({ ids: z.array(IdSchema).max(MAX_PAGE_DRAFTS) }),
    z.array(DraftSummarySchema),
  ),
  getDraft: call('One whole draft.', byId, DraftViewSchema),
  createDraft: call(
    'A new draft, empty or with the given content; acknowledged once on disk.',
    z.strictObject({ content: DraftContentSchema.optional() }),
    DraftViewSchema,
  ),
  saveDraft: call(
    "Changes a draft's content (only what changed; unchanged quotes are named, not sent); acknowledged once on disk with the new revision and summary (a `draft-changed` event announces it to every page). With `baseRevision`, the revision the changes were made over, a draft changed elsewhere since is not saved over: the save is refused as a `conflict`. With `keepReplaced`, the version the save replaces is kept in the draft's history (the writer chose theirs over one saved elsewhere).",
    z.strictObject({
      id: IdSchema,
      changes: DraftChangesSchema,
      baseRevision: z.number().int().nonnegative().optional(),
      keepReplaced: z.boolean().optional(),
    }),
    z.strictObject({ revision: z.number().int().nonnegative(), summary: DraftSummarySchema }),
  ),
  trashDraft: call('Moves a draft to the trash; it can be restored until the trash is emptied.', byId, DraftViewSchema),
  restoreDraft: call('Takes a draft out of the trash.', byId, DraftViewSchema),
  emptyTrash: call(
    'Deletes every trashed draft, then the images nothing uses any more; returns how many of each, and the batch that undoEmptyTrash takes until the app closes.',
    z.strictObject({}),
    z.strictObject({
      deleted: z.number().int().nonnegative(),
      batch: IdSchema.nullable(),
      imagesRemoved: z.number().int().nonnegative(),
    }),
  ),
  undoEmptyTrash: call(
    'Brings back the drafts one emptying of the trash deleted (possible until the app closes); returns how many.',
    z.strictObject({ batch: IdSchema }),
    z.strictObject({ restored: z.number().int().nonnegative() }),
  ),
  listRevisions: call("A draft's earlier versions, newest first.", byId, z.array(RevisionSummarySchema)),
  getRevision: call(
    "One earlier version's content, to compare with the draft before restoring it.",
    z.strictObject({ id: IdSchema, revision: z.number().int().nonnegative() }),
    DraftContentSchema,
  ),
  restoreRevision: call(
    'Brings an earlier version back as the newest revision (the replaced one stays in history).',
    z.strictObject({ id: IdSchema, revision: z.number().int().nonnegative() }),
    DraftViewSchema,
  ),
  listTags: call(
    'Every tag in use, with its number of drafts, most used first.',
    z.strictObject({}),
    z.array(TagCountSchema),
  ),
  addImage: call(
    'Adds an image file to the library: decoded, turned upright, stripped of metadata, kept by its content; hostile or unreadable files are refused.',
    NewImageSchema,
    ImageInfoSchema,
  ),
  draftImages: call(
    'Every image a draft uses (commentary, quotes, featured), with its alt text, caption and file.',
    byId,
    z.array(DraftImageSchema),
  ),
  listNotices: call(
    'What the library did on the writer’s behalf since it opened (a damaged draft restored, …).',
    z.strictObject({}),
    z.array(LibraryNoticeSchema),
  ),
} as const;

export type LibraryCalls = typeof libraryCalls;
export type LibraryCallName = keyof LibraryCalls;
