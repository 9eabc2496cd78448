import { z } from 'zod';

/** Ghost Admin API answers, checked before use: only the fields the adapter reads. */

/** Ghost's object ids: 24 hex digits (MongoDB-style ObjectIds). */
export const GhostIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'a Ghost id');
const GhostTime = z.iso.datetime({ offset: true });

export const GhostTagSchema = z.object({ id: GhostIdSchema, name: z.string() });

export const GhostPostSchema = z.object({
  id: GhostIdSchema,
  title: z.string(),
  slug: z.string(),
  /** Null for a post without content. */
  html: z.string().nullable(),
  /** "sent" is a newsletter that went by email only. */
  status: z.enum(['published', 'draft', 'scheduled', 'sent']),
  url: z.string().min(1),
  updated_at: GhostTime,
  /** Null for a draft that was never published or scheduled. */
  published_at: GhostTime.nullable(),
  tags: z.array(GhostTagSchema),
  /** The writer's own excerpt (Ghost makes one from the text when it is null). */
  custom_excerpt: z.string().nullable().optional(),
  /** Code added to the post's page; the client identity rides in it as an HTML comment. */
  codeinjection_foot: z.string().nullable().optional(),
  feature_image: z.string().nullable().optional(),
});
export type GhostPost = z.infer<typeof GhostPostSchema>;

export const GhostPostsSchema = z.object({ posts: z.array(GhostPostSchema) });
export const GhostTagsSchema = z.object({ tags: z.array(GhostTagSchema) });

/** The public site endpoint: what discovery and verification show the writer. */
export const GhostSiteSchema = z.object({
  site: z.object({ title: z.string(), url: z.string(), version: z.string() }),
});

/** Ghost's error body: {errors: [{message, context, type, code}]}. */
export const GhostErrorSchema = z.object({
  errors: z
    .array(
      z.object({
        message: z.string(),
        context: z.string().nullable().optional(),
        type: z.string(),
        code: z.string().nullable().optional(),
      }),
    )
    .min(1),
});

/** The site's settings, as key and value pairs; the adapter reads the time zone. */
export const GhostSettingsSchema = z.object({
  settings: z.array(z.object({ key: z.string(), value: z.unknown() })),
});
