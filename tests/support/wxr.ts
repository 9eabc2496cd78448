import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { renderPostBody } from '../../shared/render/post';
import { wordPressBlocks } from '../../electron/core/publishing/wordpress/blocks';
import type { DraftContent } from '../../shared/model/draft';

/** One post of a generated WordPress export. */
export interface WxrPost {
  readonly id: number;
  readonly content: DraftContent;
  readonly status?: string;
  readonly type?: string;
  /** "2026-05-01 10:00:00" (UTC). */
  readonly modifiedGmt?: string;
  /** When it was or will be published (UTC); WordPress writes "0000-00-00 00:00:00" for a draft. */
  readonly dateGmt?: string;
}

function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/**
 * Writes a WordPress export shaped as WordPress 6's export_wp() writes it (WXR 1.2): the channel,
 * then one <item> per post, its HTML as the block editor stores what Commonplace published.
 * Written as a stream, so a 10,000-post file never sits in memory.
 */
export async function writeWxr(file: string, site: string, posts: Iterable<WxrPost>): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
\t<title>A generated blog</title>
\t<link>${site}</link>
\t<description>Just another WordPress site</description>
\t<language>en-US</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>${site}</wp:base_site_url>
\t<wp:base_blog_url>${site}</wp:base_blog_url>
`);
  for (const post of posts) {
    const modified = post.modifiedGmt ?? '2026-05-01 10:00:00';
    const tags = post.content.hashtags
      .map((tag) => `\t\t<category domain="post_tag" nicename="${tag.toLowerCase()}">${cdata(tag)}</category>\n`)
      .join('');
    await write(`\t<item>
\t\t<title>${cdata(post.content.title)}</title>
\t\t<link>${site}?p=${post.id}</link>
\t\t<pubDate>Fri, 01 May 2026 10:00:00 +0000</pubDate>
\t\t<dc:creator>${cdata('ann')}</dc:creator>
\t\t<guid isPermaLink="false">${site}?p=${post.id}</guid>
\t\t<description></description>
\t\t<content:encoded>${cdata(wordPressBlocks(renderPostBody(post.content)))}</content:encoded>
\t\t<excerpt:encoded>${cdata('')}</excerpt:encoded>
\t\t<wp:post_id>${post.id}</wp:post_id>
\t\t<wp:post_date>${cdata('2026-05-01 10:00:00')}</wp:post_date>
\t\t<wp:post_date_gmt>${cdata(post.dateGmt ?? '2026-05-01 10:00:00')}</wp:post_date_gmt>
\t\t<wp:post_modified>${cdata(modified)}</wp:post_modified>
\t\t<wp:post_modified_gmt>${cdata(modified)}</wp:post_modified_gmt>
\t\t<wp:comment_status>${cdata('open')}</wp:comment_status>
\t\t<wp:ping_status>${cdata('open')}</wp:ping_status>
\t\t<wp:post_name>${cdata(`post-${post.id}`)}</wp:post_name>
\t\t<wp:status>${cdata(post.status ?? 'publish')}</wp:status>
\t\t<wp:post_parent>0</wp:post_parent>
\t\t<wp:menu_order>0</wp:menu_order>
\t\t<wp:post_type>${cdata(post.type ?? 'post')}</wp:post_type>
\t\t<wp:post_password>${cdata('')}</wp:post_password>
\t\t<wp:is_sticky>0</wp:is_sticky>
${tags}\t\t<category domain="category" nicename="uncategorized">${cdata('Uncategorized')}</category>
\t</item>
`);
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
}
