import { z } from 'zod';

/** Blogger API v3 answers (https://developers.google.com/blogger/docs/3.0/reference), checked before use. */

/** RFC 3339 times; Blogger gives them in the blog's time zone ("2026-11-24T00:20:00-08:00"). */
const BloggerTime = z.iso.datetime({ offset: true });

export const BloggerPostSchema = z.object({
  kind: z.literal('blogger#post'),
  id: z.string().regex(/^\d+$/),
  published: BloggerTime.optional(),
  updated: BloggerTime,
  /** Absent for a draft, which has no public address. */
  url: z.string().optional(),
  title: z.string().optional(),
  /** Absent when the list was asked for without bodies. */
  content: z.string().optional(),
  /** Absent, not empty, on a post without labels. */
  labels: z.array(z.string()).optional(),
  /** Only in admin and author views. */
  status: z.enum(['LIVE', 'DRAFT', 'SCHEDULED', 'SOFT_TRASHED']).optional(),
  customMetaData: z.string().optional(),
});
export type BloggerPost = z.infer<typeof BloggerPostSchema>;

export const BloggerPostListSchema = z.object({
  kind: z.literal('blogger#postList'),
  /** Absent when there are no posts. */
  items: z.array(BloggerPostSchema).optional(),
  nextPageToken: z.string().optional(),
});

export const BloggerBlogSchema = z.object({
  kind: z.literal('blogger#blog'),
  id: z.string().regex(/^\d+$/),
  name: z.string(),
  url: z.string(),
});

export const BloggerUserSchema = z.object({
  kind: z.literal('blogger#user'),
  id: z.string(),
  displayName: z.string(),
});

/** blogUserInfos.get: what the signed-in user may do on the blog. */
export const BloggerBlogUserInfoSchema = z.object({
  kind: z.literal('blogger#blogUserInfo'),
  blog_user_info: z.object({
    hasAdminAccess: z.boolean().optional(),
    role: z.enum(['ADMIN', 'AUTHOR', 'READER', 'VIEW_TYPE_UNSPECIFIED']).optional(),
  }),
});

/** Google's error body: {"error": {"code", "message", "errors": [{"domain", "reason", "message"}], "status"}}. */
export const GoogleErrorSchema = z.object({
  error: z.object({
    code: z.number().int(),
    message: z.string(),
    errors: z.array(z.object({ reason: z.string().optional(), message: z.string().optional() })).optional(),
    status: z.string().optional(),
  }),
});

/** What the app writes in a post's customMetaData: the client identity, findable later. */
export const IdentityMetaDataSchema = z.object({ commonplace: z.object({ identity: z.string() }) });
