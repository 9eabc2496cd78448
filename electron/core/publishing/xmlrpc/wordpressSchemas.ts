import { z } from 'zod';

/** WordPress XML-RPC answers (wp.* API), checked before use: only the fields the adapter reads. */

const Id = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);

export const XmlRpcTermSchema = z.object({ term_id: Id, name: z.string(), taxonomy: z.string() });

export const XmlRpcPostSchema = z.object({
  post_id: Id,
  post_title: z.string(),
  post_status: z.enum(['publish', 'draft', 'future', 'pending', 'private', 'trash']),
  post_name: z.string(),
  post_content: z.string(),
  post_excerpt: z.string().default(''),
  link: z.string(),
  post_date_gmt: z.date(),
  post_modified_gmt: z.date(),
  terms: z.array(XmlRpcTermSchema),
  custom_fields: z.array(z.object({ key: z.string(), value: z.string() })).default([]),
  /** The featured image's media item, or an empty list for none. */
  post_thumbnail: z.union([z.object({ attachment_id: Id }), z.array(z.never()).length(0)]).optional(),
});
export type XmlRpcPost = z.infer<typeof XmlRpcPostSchema>;

export const XmlRpcPostListSchema = z.array(XmlRpcPostSchema);
export const XmlRpcTermListSchema = z.array(XmlRpcTermSchema);
export const XmlRpcNewIdSchema = Id;
export const XmlRpcDoneSchema = z.boolean();

/** wp.getUsersBlogs: the blogs these credentials can post to. */
export const XmlRpcUsersBlogsSchema = z.array(
  z.object({ blogid: Id, blogName: z.string(), url: z.string(), isAdmin: z.boolean(), xmlrpc: z.string() }),
);

/** wp.getProfile: who the credentials belong to. */
export const XmlRpcProfileSchema = z.object({
  user_id: Id,
  username: z.string(),
  display_name: z.string(),
  roles: z.array(z.string()).default([]),
});

/** wp.getOptions for the site's offset from UTC, in hours ("5.5"); the API has no named zone. */
export const XmlRpcTimeZoneOptionSchema = z.object({
  time_zone: z
    .object({
      value: z.union([
        z.number(),
        z
          .string()
          .regex(/^-?\d+(\.\d+)?$/)
          .transform(Number),
      ]),
    })
    .optional(),
});
