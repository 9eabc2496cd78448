import { z } from 'zod';
import { HttpUrlSchema, IdSchema } from './draft';

/** At most this much page is kept per blog: stylesheets, fonts and images inlined. */
export const THEME_PAGE_MAX_CHARACTERS = 12 * 1024 * 1024;

/** How the theme lists a post's tags: one link per tag, with what stands between two. */
export const TagTemplateSchema = z.strictObject({
  /** One tag's link as the theme writes it, with `{tag}` where its name goes and `#` as its address. */
  link: z.string().max(4_000).includes('{tag}'),
  separator: z.string().max(200),
});
export type TagTemplate = z.infer<typeof TagTemplateSchema>;

/** When and where a blog's theme was captured: what the Blogs dialog shows. */
export const ThemeSnapshotInfoSchema = z.strictObject({
  accountId: IdSchema,
  takenAt: z.iso.datetime({ offset: true }),
  /** The blog's own post page the theme was taken from. */
  postUrl: HttpUrlSchema,
  /** Whether the theme's title element and tag list were found (the body always is). */
  found: z.strictObject({ title: z.boolean(), tags: z.boolean() }),
});
export type ThemeSnapshotInfo = z.infer<typeof ThemeSnapshotInfoSchema>;

/**
 * A blog's theme, kept for offline use: one of its post pages, made inert (no script, no
 * address to fetch), with its stylesheets, fonts and images inlined, and the places where a
 * post's title, body and tags go marked (see shared/theme/themePage.ts).
 */
export const ThemeSnapshotSchema = ThemeSnapshotInfoSchema.extend({
  page: z.string().max(THEME_PAGE_MAX_CHARACTERS),
  tags: TagTemplateSchema.nullable(),
});
export type ThemeSnapshot = z.infer<typeof ThemeSnapshotSchema>;

/** A snapshot older than this is taken again when the blog can be reached. */
export const THEME_SNAPSHOT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Whether a snapshot taken at `takenAt` should be refreshed at `now`. */
export function isThemeSnapshotStale(takenAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(takenAt) > THEME_SNAPSHOT_MAX_AGE_MS;
}
