import { z } from 'zod';
import { call } from './callSpec';
import {
  AccountChangesSchema,
  AccountOptionsSchema,
  AccountSchema,
  NewAccountSchema,
  VaultInfoSchema,
} from './model/account';
import {
  ArchiveJobIdSchema,
  ArchiveProgressSchema,
  ExportFormatSchema,
  ExportReportSchema,
  ImportReportSchema,
  LocalPathSchema,
} from './model/archive';
import { BlogFeaturesSchema } from './model/blogFeatures';
import { ClipboardPayloadSchema } from './model/clipboard';
import {
  DraftStatusSchema,
  DraftSummarySchema,
  HttpUrlSchema,
  IdSchema,
  PublishStateSchema,
  QuoteSchema,
  SourceSchema,
} from './model/draft';
import { ImageInfoSchema } from './model/image';
import { TagCountSchema } from './model/library';
import { LibraryNoticeSchema } from './model/notice';
import {
  ConflictDetailsSchema,
  ConflictResolutionSchema,
  DrainReportSchema,
  OutboxEntrySchema,
  OutboxScheduleSchema,
  PublishOutcomeSchema,
  PullReportSchema,
  RemoveOutcomeSchema,
} from './model/outbox';
import { ThemeSnapshotInfoSchema, ThemeSnapshotSchema } from './model/themeSnapshot';
import { byId, libraryCalls } from './libraryCalls';
import type { Result } from './result';

/**
 * The renderer↔main API, declared once. The preload, the Electron IPC handlers, the browser dev
 * host and the renderer's client are all derived from this object: a new call is added here only
 * (a call the library alone answers, in shared/libraryCalls.ts, which this object holds whole).
 */
export const contract = {
  ...libraryCalls,
  readClipboard: call(
    'What the OS clipboard holds (Electron only; a browser page pastes instead).',
    z.strictObject({}),
    ClipboardPayloadSchema,
  ),
  quoteFromClipboard: call(
    'A new quote from clipboard formats: the excerpt as markdown and what the clipboard says of its source.',
    z.strictObject({ clipboard: z.unknown() }),
    QuoteSchema,
  ),
  enrichSource: call(
    "A quote's source with its empty fields filled from the source page (title, site, author, date).",
    z.strictObject({ source: SourceSchema }),
    SourceSchema,
  ),
  addImageFromWeb: call(
    "Fetches an image a quote showed (its figure) into the library, as addImage keeps it; 'unavailable' while offline.",
    z.strictObject({ url: HttpUrlSchema }),
    ImageInfoSchema,
  ),
  listAccounts: call(
    'The blogs the writer publishes to (never with their secrets).',
    z.strictObject({}),
    z.array(AccountSchema),
  ),
  addAccount: call(
    "Adds a blog: discovers its API at the address, verifies the credentials, then keeps the secret in the vault. The same blog twice (same address and user) is refused with 'conflict'; a blog removed before comes back with its id, its posts linked to their drafts again.",
    NewAccountSchema,
    AccountSchema,
  ),
  removeAccount: call(
    'Removes a blog and its secret. Its posts stay on the blog, and their drafts keep their links and history (adding the blog again relinks them); its waiting outbox entries are cancelled, with the reason.',
    byId,
    z.strictObject({
      removed: z.literal(true),
      /** Drafts with a post on the blog: they keep it, and its link. */
      posts: z.number().int().nonnegative(),
      /** Outbox entries for the blog that were waiting, now cancelled. */
      cancelled: z.number().int().nonnegative(),
    }),
  ),
  updateAccount: call(
    "Changes a blog's settings (address, user, password or key, name, options), keeping its id, so its drafts' posts stay its own. A new address, user or secret is checked on the blog first; when the blog refuses, nothing changes. Adding a blog that is already there is refused with 'conflict': this is where it changes.",
    AccountChangesSchema,
    AccountSchema,
  ),
  setAccountOptions: call(
    'Changes how posts are published to one blog.',
    z.strictObject({ id: IdSchema, options: AccountOptionsSchema }),
    AccountSchema,
  ),
  blogFeatures: call(
    'What one blog offers a post beyond its text, as the blog tells: its categories, an excerpt, a slug, its time zone.',
    z.strictObject({ accountId: IdSchema }),
    BlogFeaturesSchema,
  ),
  vaultInfo: call(
    'Where blog secrets are kept, and whether the OS protects them.',
    z.strictObject({}),
    VaultInfoSchema,
  ),
  publishDraft: call(
    'Publishes (or updates) a draft on one or more blogs through the outbox: each is published, safely queued, or needs the writer.',
    z.strictObject({
      draftId: IdSchema,
      accountIds: z.array(IdSchema).min(1).max(20),
      schedule: OutboxScheduleSchema,
    }),
    z.array(z.strictObject({ accountId: IdSchema, outcome: PublishOutcomeSchema })),
  ),
  removeFromBlog: call(
    "Moves a draft's post to the blog's trash, through the outbox.",
    z.strictObject({ draftId: IdSchema, accountId: IdSchema }),
    RemoveOutcomeSchema,
  ),
  listOutbox: call(
    'Every remote write waiting, under way, or recently finished, oldest first.',
    z.strictObject({}),
    z.array(OutboxEntrySchema),
  ),
  drainOutbox: call('Tries every pending write once, now, and reports.', z.strictObject({}), DrainReportSchema),
  retryOutboxEntry: call(
    'Tries one waiting write again now.',
    z.strictObject({ entryId: IdSchema }),
    OutboxEntrySchema,
  ),
  cancelOutboxEntry: call('Gives up a waiting write.', z.strictObject({ entryId: IdSchema }), OutboxEntrySchema),
  conflictDetails: call(
    'The post as written here and as it now is on the blog, side by side.',
    z.strictObject({ draftId: IdSchema, accountId: IdSchema }),
    ConflictDetailsSchema,
  ),
  resolveConflict: call(
    'Keep mine (overwrite the blog) or take theirs (overwrite the draft).',
    z.strictObject({ draftId: IdSchema, accountId: IdSchema, resolution: ConflictResolutionSchema }),
    PublishOutcomeSchema,
  ),
  pullPosts: call(
    "Imports a blog's recent posts as drafts linked to them.",
    z.strictObject({ accountId: IdSchema, count: z.number().int().min(1).max(100) }),
    PullReportSchema,
  ),
  setOnline: call(
    'Tells the core whether the machine is online (the host knows best).',
    z.strictObject({ online: z.boolean() }),
    z.strictObject({}),
  ),
  exportLibrary: call(
    'Writes drafts (all but the trash, or the ones named) to a folder, one file each with front matter, and a README; progress comes as archive-progress events.',
    z.strictObject({
      jobId: ArchiveJobIdSchema,
      folder: LocalPathSchema,
      format: ExportFormatSchema.default('markdown'),
      draftIds: z.array(IdSchema).max(1_000_000).nullable().default(null),
    }),
    ExportReportSchema,
  ),
  importArchive: call(
    'Imports a WordPress export, a folder of Markdown or one Markdown file as drafts (dryRun: only reports); what was imported before is not imported twice.',
    z.strictObject({ jobId: ArchiveJobIdSchema, path: LocalPathSchema, dryRun: z.boolean().default(false) }),
    ImportReportSchema,
  ),
  cancelArchiveJob: call(
    'Stops an export or import at its next draft.',
    z.strictObject({ jobId: ArchiveJobIdSchema }),
    z.strictObject({ cancelled: z.boolean() }),
  ),
  choosePath: call(
    "The OS's own dialog for a folder to export to, a file or folder to import, or a static site's folder (Electron only; a browser page types the path).",
    z.strictObject({ purpose: z.enum(['export-folder', 'import-file', 'import-folder', 'site-folder']) }),
    z.strictObject({ path: z.string().nullable() }),
  ),
  listThemeSnapshots: call(
    "When each blog's theme was captured for the themed preview (blogs without a snapshot are absent).",
    z.strictObject({}),
    z.array(ThemeSnapshotInfoSchema),
  ),
  getThemeSnapshot: call(
    "A blog's theme snapshot, for the themed preview; taken again in the background when older than a week.",
    z.strictObject({ accountId: IdSchema }),
    ThemeSnapshotSchema,
  ),
  takeThemeSnapshot: call(
    "Captures a blog's theme now from one of its own published post pages, and keeps it for offline use.",
    z.strictObject({ accountId: IdSchema }),
    ThemeSnapshotInfoSchema,
  ),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller passes (before defaults are applied). */
export type CallInput<Name extends CallName> = z.input<Contract[Name]['input']>;
/** What a handler receives (after validation). */
export type ValidatedInput<Name extends CallName> = z.output<Contract[Name]['input']>;
export type CallOutput<Name extends CallName> = z.output<Contract[Name]['output']>;

export const callNames = Object.keys(contract) as readonly CallName[];

/** The commands the app's menus and shortcuts can give the writing window. */
export const AppCommandSchema = z.enum([
  'newDraft',
  'newPostFromClipboard',
  'pasteAsQuote',
  'insertImage',
  'publish',
  'togglePreview',
  'focusMode',
  'focusSearch',
  'find',
  'showShortcuts',
  'preferences',
  'exportLibrary',
  'importArchive',
]);
export type AppCommand = z.infer<typeof AppCommandSchema>;

/** What the main side tells the renderer unasked: declared once, like the calls. */
export const AppEventSchema = z.discriminatedUnion('type', [
  /** A menu item or a global shortcut was chosen. */
  z.strictObject({ type: z.literal('command'), command: AppCommandSchema }),
  /** The main side made or found a draft for the writer (a deep link, an opened file): show it. */
  z.strictObject({ type: z.literal('open-draft'), id: IdSchema }),
  /** A draft was created or changed (saved, trashed, restored, pulled from a blog): its new summary. */
  z.strictObject({ type: z.literal('draft-changed'), summary: DraftSummarySchema }),
  /** Drafts were deleted for good (the trash was emptied). */
  z.strictObject({ type: z.literal('drafts-deleted'), ids: z.array(IdSchema) }),
  /** The tags in use changed: every tag with its new count, as `listTags` answers. */
  z.strictObject({ type: z.literal('tags-changed'), tags: z.array(TagCountSchema) }),
  /**
   * Where a draft stands on one blog changed (the outbox owns it): the new state, and the draft's
   * new overall status (its summary's `status`).
   */
  z.strictObject({
    type: z.literal('target-changed'),
    draftId: IdSchema,
    accountId: IdSchema,
    state: PublishStateSchema,
    status: DraftStatusSchema,
  }),
  /** An outbox entry was recorded or changed state: the entry as it now is. */
  z.strictObject({ type: z.literal('outbox-entry-changed'), entry: OutboxEntrySchema }),
  /** A blog was added, changed or removed: every blog, as `listAccounts` answers. */
  z.strictObject({ type: z.literal('accounts-changed'), accounts: z.array(AccountSchema) }),
  /** The library did something on the writer's behalf (a damaged draft restored, …). */
  z.strictObject({ type: z.literal('notice'), notice: LibraryNoticeSchema }),
  /** How far an export or import the writer started has got. */
  z.strictObject({ type: z.literal('archive-progress'), jobId: IdSchema, progress: ArchiveProgressSchema }),
  /** A blog's theme snapshot was taken (again) or removed (`info` null). */
  z.strictObject({
    type: z.literal('theme-snapshot-changed'),
    accountId: IdSchema,
    info: ThemeSnapshotInfoSchema.nullable(),
  }),
  /** A page the writer must see in their browser (Google's sign-in for Blogger): https only. */
  z.strictObject({ type: z.literal('open-url'), url: z.url({ protocol: /^https?$/ }) }),
]);
export type AppEvent = z.infer<typeof AppEventSchema>;

/** Listens to the main side's events; returns the function that stops listening. */
export type Subscribe = (listener: (event: AppEvent) => void) => () => void;

/** The API as the renderer sees it: every call returns a Result, never throws; events arrive by `onEvent`. */
export type Api = {
  readonly [Name in CallName]: (input: CallInput<Name>) => Promise<Result<CallOutput<Name>>>;
} & { readonly onEvent: Subscribe };

/** What the main side implements: validated input in, value out (or an AppError thrown). */
export type Handlers = { readonly [Name in CallName]: (input: ValidatedInput<Name>) => Promise<CallOutput<Name>> };

/** Sends one call over some channel (IPC, HTTP) and brings back its Result. */
export type Transport = (name: CallName, input: unknown) => Promise<Result<unknown>>;

/** Builds the typed API over a transport and an event source; used by the preload and the dev host's client. */
export function createApi(transport: Transport, onEvent: Subscribe): Api {
  const entries = callNames.map((name) => [name, (input: unknown) => transport(name, input)] as const);
  return Object.freeze({ ...Object.fromEntries(entries), onEvent }) as Api;
}

/** The single IPC channel every call travels on; the call's name is part of the message. */
export const IPC_CHANNEL = 'commonplace:call';

/** The IPC channel events travel on, main to renderer. */
export const EVENT_CHANNEL = 'commonplace:event';

/** Where the browser dev host streams events (Server-Sent Events, one JSON AppEvent per message). */
export const EVENTS_PATH = '/events';

/** Where the browser dev host answers calls: POST {API_PATH}{name} with a JSON body. */
export const API_PATH = '/api/';

/** Where the browser dev host serves the library's images: GET {MEDIA_PATH}<sha256>.<ext>, token-checked. */
export const MEDIA_PATH = '/media/';

/** The Electron app's read-only scheme for the library's images: {MEDIA_SCHEME}://{MEDIA_HOST}/<sha256>.<ext>. */
export const MEDIA_SCHEME = 'commonplace-media';
export const MEDIA_HOST = 'library';

/**
 * Where the themed preview's shell is (shared/theme/liveFrame.ts), on an origin and a site of its
 * own so that it shares nothing with the app and runs in a process of its own: in the dev host,
 * GET {THEME_SHELL_PATH} (token-checked) sends the frame on to the shell's own little server; in
 * the Electron app, {THEME_SHELL_SCHEME}://{THEME_SHELL_HOST}/.
 */
export const THEME_SHELL_PATH = '/theme-shell';
export const THEME_SHELL_SCHEME = 'commonplace-theme';
export const THEME_SHELL_HOST = 'shell';

/** The header that carries the dev host's per-start token. */
export const TOKEN_HEADER = 'x-commonplace-token';
