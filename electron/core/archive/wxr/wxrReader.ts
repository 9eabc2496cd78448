import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../../../shared/result';

/** One <item> of a WordPress export, as its fields are written there. */
export interface WxrItem {
  readonly title: string;
  readonly link: string;
  readonly guid: string;
  readonly content: string;
  readonly postId: string;
  readonly postType: string;
  readonly status: string;
  readonly postName: string;
  /** "2026-05-01 10:00:00", UTC ("0000-00-00 00:00:00" for a draft never published). */
  readonly dateGmt: string;
  readonly modifiedGmt: string;
  /** The post's tags and categories (`domain` is "post_tag" or "category"). */
  readonly terms: readonly { readonly domain: string; readonly name: string }[];
}

/** The export's <channel>: the blog it came from. */
export interface WxrChannel {
  readonly title: string;
  /** The blog's address (<wp:base_blog_url>, else <link>). */
  readonly baseUrl: string;
  readonly wxrVersion: string;
}

/** The largest one text field may be: far above any real post, small enough to keep memory bounded. */
const MAX_FIELD_CHARACTERS = 8_000_000;
const CHUNK_BYTES = 256 * 1024;

const itemFields: Readonly<Record<string, keyof WxrItem>> = {
  title: 'title',
  link: 'link',
  guid: 'guid',
  'content:encoded': 'content',
  'wp:post_id': 'postId',
  'wp:post_type': 'postType',
  'wp:status': 'status',
  'wp:post_name': 'postName',
  'wp:post_date_gmt': 'dateGmt',
  'wp:post_modified_gmt': 'modifiedGmt',
};

/**
 * Reads a WordPress export (WXR, what Tools > Export writes) as a stream: the file is never held
 * whole, only the item being read, so a 100 MB export takes little memory. The XML must be well
 * formed (saxes checks it as it goes): a file that is not XML, is cut short, or declares entities
 * (a WordPress export never does; an "entity bomb" would) is refused with a message saying so.
 * `onItem` is called for each item in order; `onBytes` with how far the file has been read.
 */
export async function readWxr(
  file: string,
  handlers: {
    readonly onChannel?: (channel: WxrChannel) => void;
    readonly onItem: (item: WxrItem) => Promise<void> | void;
    readonly onBytes?: (read: number, total: number) => void;
    readonly signal?: AbortSignal;
  },
): Promise<WxrChannel> {
  const total = (await stat(file)).size;
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const reader = new WxrState(file, handlers.onChannel);
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new AppError(
        'invalid-input',
        `${file} declares XML entities (<!ENTITY …>), which a WordPress export never does; it is refused (it could be an "entity bomb").`,
      );
    }
  });
  parser.on('opentag', (tag) => reader.open(tag));
  parser.on('closetag', (tag) => reader.close(tag.name));
  parser.on('text', (text) => reader.text(text));
  parser.on('cdata', (text) => reader.text(text));
  let read = 0;
  let first = true;
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (handlers.signal?.aborted) throw new AppError('conflict', 'The import was cancelled.');
      if (first && !/^\s*</.test(chunk.replace(/^\uFEFF/, ''))) {
        throw new AppError(
          'invalid-input',
          `${file} is not an XML file: a WordPress export starts with "<?xml" or "<rss".`,
        );
      }
      first = false;
      parser.write(chunk);
      for (const item of reader.takeItems()) await handlers.onItem(item);
      read += Buffer.byteLength(chunk, 'utf8');
      handlers.onBytes?.(Math.min(read, total), total);
    }
    parser.close();
  } catch (error) {
    throw readError(error, file);
  } finally {
    stream.destroy();
  }
  for (const item of reader.takeItems()) await handlers.onItem(item);
  return reader.finish();
}

/** What the parser has seen so far: where it is in the tree, and the item being read. */
class WxrState {
  readonly #file: string;
  readonly #onChannel: ((channel: WxrChannel) => void) | undefined;
  readonly #path: string[] = [];
  readonly #ready: WxrItem[] = [];
  #item: Record<string, string> | null = null;
  #terms: { domain: string; name: string }[] = [];
  #term: { domain: string } | null = null;
  #field: string | null = null;
  #value = '';
  #channel: { title: string; link: string; base: string; version: string } = {
    title: '',
    link: '',
    base: '',
    version: '',
  };
  #channelAnnounced = false;
  #sawRss = false;

  constructor(file: string, onChannel: ((channel: WxrChannel) => void) | undefined) {
    this.#file = file;
    this.#onChannel = onChannel;
  }

  open(tag: SaxesTagPlain): void {
    const depth = this.#path.length;
    this.#path.push(tag.name);
    if (depth === 0) {
      if (tag.name !== 'rss') throw this.#notWxr(`its root element is <${tag.name}>, not <rss>`);
      this.#sawRss = true;
      return;
    }
    if (depth === 2 && tag.name === 'item' && this.#path[1] === 'channel') {
      this.#announceChannel();
      this.#item = {};
      this.#terms = [];
      return;
    }
    if (this.#item !== null && depth === 3) {
      if (tag.name === 'category') this.#term = { domain: tag.attributes['domain'] ?? '' };
      else if (tag.name in itemFields) this.#field = tag.name;
      this.#value = '';
      return;
    }
    if (
      depth === 2 &&
      this.#path[1] === 'channel' &&
      ['title', 'link', 'wp:base_blog_url', 'wp:wxr_version'].includes(tag.name)
    ) {
      this.#field = tag.name;
      this.#value = '';
    }
  }

  text(text: string): void {
    if (this.#field === null && this.#term === null) return;
    if (this.#value.length + text.length > MAX_FIELD_CHARACTERS) {
      throw new AppError(
        'invalid-input',
        `${this.#file} has a post field longer than ${MAX_FIELD_CHARACTERS / 1_000_000} million characters, which no real post has.`,
      );
    }
    this.#value += text;
  }

  close(name: string): void {
    const depth = this.#path.length - 1;
    this.#path.pop();
    if (this.#item !== null && depth === 2 && name === 'item') {
      const item = this.#item;
      this.#ready.push({
        title: item['title'] ?? '',
        link: item['link'] ?? '',
        guid: item['guid'] ?? '',
        content: item['content'] ?? '',
        postId: item['postId'] ?? '',
        postType: item['postType'] ?? 'post',
        status: item['status'] ?? '',
        postName: item['postName'] ?? '',
        dateGmt: item['dateGmt'] ?? '',
        modifiedGmt: item['modifiedGmt'] ?? '',
        terms: this.#terms,
      });
      this.#item = null;
      return;
    }
    if (this.#item !== null && depth === 3) {
      if (this.#term !== null && name === 'category')
        this.#terms.push({ domain: this.#term.domain, name: this.#value.trim() });
      else if (this.#field === name) this.#item[itemFields[name] ?? name] = this.#value;
      this.#term = null;
      this.#field = null;
      return;
    }
    if (depth === 2 && this.#field === name) {
      const value = this.#value.trim();
      if (name === 'title') this.#channel.title = value;
      else if (name === 'link') this.#channel.link = value;
      else if (name === 'wp:base_blog_url') this.#channel.base = value;
      else this.#channel.version = value;
      this.#field = null;
    }
  }

  takeItems(): WxrItem[] {
    return this.#ready.splice(0);
  }

  finish(): WxrChannel {
    if (!this.#sawRss) throw this.#notWxr('it is empty');
    if (this.#channel.version === '') throw this.#notWxr('it has no <wp:wxr_version>');
    return this.#announceChannel();
  }

  #announceChannel(): WxrChannel {
    const channel = {
      title: this.#channel.title,
      baseUrl: this.#channel.base || this.#channel.link,
      wxrVersion: this.#channel.version,
    };
    if (!this.#channelAnnounced) this.#onChannel?.(channel);
    this.#channelAnnounced = true;
    return channel;
  }

  #notWxr(why: string): AppError {
    return new AppError('invalid-input', `${this.#file} is not a WordPress export: ${why}.`);
  }
}

function readError(error: unknown, file: string): unknown {
  if (error instanceof AppError) return error;
  const position = error instanceof Error ? /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(error.message) : null;
  if (error instanceof Error && position) {
    const detail = `line ${position[1]}, column ${position[2]}: ${position[3]}`;
    const cutShort = /unclosed|unexpected end|document must contain a root/i.test(error.message);
    return new AppError(
      'invalid-input',
      cutShort
        ? `${file} ends in the middle (${detail}): the file is cut short; export it again.`
        : `${file} is not well-formed XML (${detail}).`,
      { cause: error },
    );
  }
  return error;
}
