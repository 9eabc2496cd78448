import { z } from 'zod';

/** A blog's own time zone: a named zone (IANA) where the blog says it, else a fixed offset from UTC. */
export const BlogTimeZoneSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('named'), name: z.string().min(1).max(100) }),
  z.strictObject({
    kind: z.literal('offset'),
    minutes: z
      .number()
      .int()
      .min(-24 * 60)
      .max(24 * 60),
  }),
]);
export type BlogTimeZone = z.infer<typeof BlogTimeZoneSchema>;

/** What one blog offers a post beyond its text, as its API tells: what the publish panel shows for it. */
export const BlogFeaturesSchema = z.strictObject({
  /** The blog's categories to choose from, and whether publishing creates new ones; null when it has none. */
  categories: z.strictObject({ names: z.array(z.string()), canCreate: z.boolean() }).nullable(),
  /** Whether a post can carry an excerpt, and how long the blog lets it be (null: no limit). */
  summary: z.strictObject({ maxCharacters: z.number().int().positive().nullable() }).nullable(),
  /** Whether the writer can choose the post's address. */
  slug: z.boolean(),
  /** The blog's own time zone for scheduling; null where the API does not say (the computer's zone is used). */
  timeZone: BlogTimeZoneSchema.nullable(),
});
export type BlogFeatures = z.infer<typeof BlogFeaturesSchema>;
