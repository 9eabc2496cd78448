import { z } from 'zod';

/** Micropub answers (W3C Micropub, https://www.w3.org/TR/micropub/), checked before use. */

/**
 * Content in a q=source answer: the recommendation's {html, value} object, or (as some servers,
 * @benjifs/micropub among them, answer) the HTML as a plain string.
 */
const SourceContentSchema = z.union([
  z.string(),
  z.object({ html: z.string(), value: z.string().optional() }),
  z.object({ value: z.string() }),
]);

/** A post as q=source gives it: microformats2 JSON, every property a list. */
export const MicropubSourceSchema = z.object({
  type: z.array(z.string()).optional(),
  properties: z.looseObject({
    name: z.array(z.string()).optional(),
    content: z.array(SourceContentSchema).optional(),
    /** Tags as text; an entry may also be an object (an h-card for a person tagged), which is no hashtag. */
    category: z.array(z.unknown()).optional(),
    summary: z.array(z.string()).optional(),
    'mp-slug': z.array(z.string()).optional(),
    'post-status': z.array(z.string()).optional(),
    published: z.array(z.string()).optional(),
    updated: z.array(z.string()).optional(),
    url: z.array(z.string()).optional(),
    /** The featured image: its address, or with alt text as {value, alt}. */
    photo: z.array(z.union([z.string(), z.object({ value: z.string() })])).optional(),
    /** Set (to [true]) on a post that was deleted but can be undeleted. */
    deleted: z.array(z.unknown()).optional(),
  }),
});
export type MicropubSource = z.infer<typeof MicropubSourceSchema>;

/** The post list extension (q=source without url; https://github.com/indieweb/micropub-extensions/issues/4). */
export const MicropubSourceListSchema = z.object({
  items: z.array(MicropubSourceSchema.extend({ properties: MicropubSourceSchema.shape.properties })),
});

/** q=config; `q` lists the queries the server supports beyond config and source (an extension). */
export const MicropubConfigSchema = z.looseObject({
  q: z.array(z.string()).optional(),
  'media-endpoint': z.string().optional(),
});

/** The category list extension (q=category). */
export const MicropubCategoriesSchema = z.object({ categories: z.array(z.string()) });

/** The recommendation's error body ({error, error_description}); some servers say `message`. */
export const MicropubErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

/** IndieAuth server metadata (rel="indieauth-metadata"), which newer sites announce instead of the two links. */
export const IndieAuthMetadataSchema = z.object({
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
});
