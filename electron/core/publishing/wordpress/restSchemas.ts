import { z } from 'zod';

/** WordPress REST answers, checked before use: only the fields the adapter reads. */

/** WordPress's times without a zone ("2026-11-24T07:40:00"); the *_gmt fields are UTC. */
const GmtTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'a time like 2026-11-24T07:40:00');

export const RestPostSchema = z.object({
  id: z.number().int().positive(),
  link: z.string().min(1),
  status: z.enum(['publish', 'draft', 'future', 'pending', 'private', 'trash']),
  slug: z.string(),
  /** Null for a draft that was never given a date. */
  date_gmt: GmtTime.nullable(),
  modified_gmt: GmtTime,
  title: z.object({ raw: z.string(), rendered: z.string() }),
  content: z.object({ raw: z.string(), rendered: z.string() }),
  excerpt: z.object({ raw: z.string() }).optional(),
  tags: z.array(z.number().int()),
  categories: z.array(z.number().int()).optional(),
  /** 0 for none; absent where the post type takes no featured image. */
  featured_media: z.number().int().nonnegative().optional(),
});
export type RestPost = z.infer<typeof RestPostSchema>;

export const RestPostListSchema = z.array(RestPostSchema);

/** A tag or a category: WordPress answers the name HTML-escaped ("Books &amp; Reading"). */
export const RestTagSchema = z.object({ id: z.number().int().positive(), name: z.string() });
export const RestTagListSchema = z.array(RestTagSchema);

/** The site's time zone, from the API index: a named zone, or only an offset in hours ("5.5"). */
export const RestTimeZoneSchema = z.object({
  timezone_string: z.string().optional(),
  gmt_offset: z
    .union([
      z.number(),
      z
        .string()
        .regex(/^-?\d+(\.\d+)?$/)
        .transform(Number),
    ])
    .optional(),
});

/** What WordPress answers when a tag by that name exists already: its id, in data.term_id. */
export const TermExistsSchema = z.object({
  code: z.literal('term_exists'),
  data: z.object({ term_id: z.number().int().positive() }),
});

/** What WordPress answers (404) for a post id it does not have, as opposed to a route it does not know. */
export const InvalidPostIdSchema = z.object({ code: z.literal('rest_post_invalid_id') });

/** `users/me?context=edit`: who the credentials belong to and what they may do. */
export const RestUserSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  username: z.string().optional(),
  capabilities: z.record(z.string(), z.boolean()).optional(),
});

/** The API index at the REST root. */
export const RestIndexSchema = z.object({
  name: z.string(),
  url: z.string(),
  namespaces: z.array(z.string()),
});

export function utcFromGmt(time: string): string {
  return `${time}.000Z`;
}
