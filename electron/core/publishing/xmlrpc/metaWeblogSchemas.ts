import { z } from 'zod';

/** MetaWeblog answers, checked before use. Only the MetaWeblog core is required; WordPress and Movable Type extras are optional. */

const Id = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);

export const MetaWeblogPostSchema = z
  .object({
    postid: Id,
    title: z.string(),
    description: z.string(),
    link: z.string().optional(),
    permaLink: z.string().optional(),
    dateCreated: z.date(),
    /** Comma-separated tags (Movable Type's keywords; WordPress maps them to tags). */
    mt_keywords: z.string().optional(),
    /** The slug, on WordPress (wp_slug) and Movable Type (mt_basename). */
    wp_slug: z.string().optional(),
    mt_basename: z.string().optional(),
    post_status: z.string().optional(),
    /** The excerpt, where the server keeps one (Movable Type's name for it). */
    mt_excerpt: z.string().optional(),
    categories: z.array(z.string()).optional(),
    date_created_gmt: z.date().optional(),
    date_modified_gmt: z.date().optional(),
  })
  .transform((post, context) => {
    const url = post.permaLink ?? post.link;
    if (url === undefined || url === '') {
      context.addIssue({ code: 'custom', message: 'a post needs a link or permaLink', path: ['link'] });
      return z.NEVER;
    }
    return { ...post, url };
  });
export type MetaWeblogPost = z.infer<typeof MetaWeblogPostSchema>;

export const MetaWeblogPostListSchema = z.array(MetaWeblogPostSchema);
export const MetaWeblogNewIdSchema = Id;
export const MetaWeblogDoneSchema = z.union([z.boolean(), z.number()]);

/** blogger.getUsersBlogs: the blogs these credentials can post to (the MetaWeblog family's "who am I"). */
export const BloggerUsersBlogsSchema = z.array(z.object({ blogid: Id, blogName: z.string(), url: z.string() }));

/** metaWeblog.getCategories: the blog's categories by name (servers give categoryName, title or description). */
export const MetaWeblogCategoriesSchema = z.array(
  z
    .object({ categoryName: z.string().optional(), title: z.string().optional(), description: z.string().optional() })
    .transform((category) => category.categoryName ?? category.title ?? category.description ?? ''),
);
