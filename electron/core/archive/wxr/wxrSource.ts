import { decodeHTML } from 'entities';
import { DraftContentSchema, HttpUrlSchema, type BlogHold } from '../../../../shared/model/draft';
import { cleanHashtag, uniqueHashtags } from '../../../../shared/model/hashtags';
import { limits } from '../../../../shared/model/limits';
import { wordPressEditorLink } from '../../publishing/wordpress/editorLink';
import { htmlPost } from '../htmlPost';
import type { CheckedInput, ImportItem, ImportSource, RemoteHint } from '../importItem';
import { autoParagraphs } from './autop';
import { readWxr, type WxrChannel, type WxrItem } from './wxrReader';

/** What a WordPress export holds that does not become a draft, as the report names it. */
const skippedTypes: Readonly<Record<string, string>> = {
  page: 'pages',
  attachment: 'attachments (images and files)',
  nav_menu_item: 'menu items',
  revision: 'revisions',
  wp_block: 'reusable blocks',
};
const skippedStatuses: Readonly<Record<string, string>> = {
  trash: 'posts in the trash',
  'auto-draft': 'automatic drafts',
  inherit: 'revisions',
};

/**
 * A WordPress export (WXR) as an import: its posts (not pages, attachments, menus or trashed
 * posts) become drafts, their tags hashtags, their HTML Markdown with the quotes they end with;
 * each is linked to its post on the blog when the blog is an account here, so an update from
 * here goes to the same post. Read twice, streaming: once to check, once to import.
 */
export function wxrSource(file: string, options: { readonly newId: () => string }): ImportSource {
  return {
    kind: 'wordpress-export',
    async check(onProgress, signal) {
      let items = 0;
      const skipped = new Map<string, number>();
      await readWxr(file, {
        onItem: (item) => {
          const why = skipReason(item);
          if (why === null) items += 1;
          else skipped.set(why, (skipped.get(why) ?? 0) + 1);
        },
        onBytes: (read, total) => onProgress(read, total),
        ...(signal ? { signal } : {}),
      });
      return { items, skipped, ignoredFields: new Set() } satisfies CheckedInput;
    },
    async each(handle, signal) {
      let channel: WxrChannel | null = null;
      await readWxr(file, {
        onChannel: (found) => {
          channel = found;
        },
        // The parser waits for each item to be handled, so only one is ever held.
        onItem: async (item) => {
          if (skipReason(item) === null && channel !== null) await handle(importItem(item, channel, options));
        },
        ...(signal ? { signal } : {}),
      });
    },
  };
}

function skipReason(item: WxrItem): string | null {
  if (item.postType !== 'post') return skippedTypes[item.postType] ?? `other entries (${item.postType})`;
  return skippedStatuses[item.status] ?? null;
}

/**
 * How the blog holds a post its readers cannot see: a draft (or one pending review) or a post
 * scheduled for later, which opens in the blog's editor. A private post is published, to fewer
 * readers.
 */
function heldOnBlog(item: WxrItem, channel: WxrChannel): BlogHold | null {
  const siteRoot = httpUrl(channel.baseUrl.endsWith('/') ? channel.baseUrl : `${channel.baseUrl}/`);
  const open = wordPressEditorLink(siteRoot, item.postId);
  const until = utc(item.dateGmt);
  if (item.status === 'future' && until !== null) return { as: 'scheduled', until, open };
  if (item.status === 'draft' || item.status === 'pending' || item.status === 'future') return { as: 'draft', open };
  return null;
}

function importItem(item: WxrItem, channel: WxrChannel, options: { readonly newId: () => string }): ImportItem {
  const title = decodeHTML(item.title).trim().slice(0, limits.titleCharacters);
  const post = htmlPost(autoParagraphs(item.content), {
    baseUrl: httpUrl(item.link) ?? httpUrl(channel.baseUrl),
    newId: options.newId,
  });
  const hashtags = uniqueHashtags(
    item.terms
      .filter((term) => term.domain === 'post_tag')
      .map((term) => cleanHashtag(term.name))
      .filter((tag) => tag !== ''),
  ).slice(0, limits.hashtagsPerDraft);
  const content = DraftContentSchema.parse({
    title,
    commentary: post.commentary,
    quotes: post.quotes.slice(0, limits.quotesPerDraft),
    hashtags: hashtags.map((tag) => tag.slice(0, limits.hashtagCharacters)),
    featuredImage: null,
  });
  const createdAt = utc(item.dateGmt);
  const updatedAt = utc(item.modifiedGmt);
  const url = httpUrl(item.link);
  const remotes: RemoteHint[] =
    item.postId !== '' && url !== null && updatedAt !== null && channel.baseUrl !== ''
      ? [
          {
            account: { by: 'address', address: channel.baseUrl, kinds: ['wordpress', 'xmlrpc'] },
            remoteId: item.postId,
            url,
            modifiedAt: updatedAt,
            changed: false,
            held: heldOnBlog(item, channel),
          },
        ]
      : [];
  return {
    key: `wxr:${channel.baseUrl}#${item.postId || item.guid}`,
    name: `post ${item.postId} “${title}”`,
    draftId: null,
    content,
    createdAt,
    updatedAt,
    remotes,
    quotesRecognised: content.quotes.length,
    images: [],
  };
}

/** WordPress's "2026-05-01 10:00:00" (UTC) as ISO, as the blog's API gives it; null for "0000-00-00 …". */
function utc(gmt: string): string | null {
  const date = new Date(`${gmt.trim().replace(' ', 'T')}Z`);
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(gmt.trim()) &&
    Number.isFinite(date.getTime()) &&
    date.getUTCFullYear() > 1
    ? date.toISOString()
    : null;
}

function httpUrl(value: string): string | null {
  return HttpUrlSchema.safeParse(value.trim()).success ? value.trim() : null;
}
