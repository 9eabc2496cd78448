import { createHash } from 'node:crypto';
import type { AccountKind } from '../../../shared/model/account';
import type { BlogHold, DraftContent } from '../../../shared/model/draft';
import type { ImportSourceKind } from '../../../shared/model/archive';
import type { ImportedImage } from './exportedImages';

/** Which account a post of the input belongs to: a blog at an address, or a file of a static site. */
export type AccountHint =
  | { readonly by: 'address'; readonly address: string; readonly kinds: readonly AccountKind[] }
  | { readonly by: 'site-file'; readonly file: string };

/** The post on a blog that an imported draft is linked to, so an update goes to it. */
export interface RemoteHint {
  readonly account: AccountHint;
  /** For a static site's file, filled in from its repository when the account is found. */
  readonly remoteId: string;
  readonly url: string;
  readonly modifiedAt: string;
  /** The draft differed from the blog's post already (an export of a draft changed since). */
  readonly changed: boolean;
  /** How the blog holds the post when readers cannot see it yet (a draft, scheduled); null when they can. */
  readonly held: BlogHold | null;
}

/** One post of the input, converted: what becomes one draft. */
export interface ImportItem {
  /** The post's identity in its input, the same at every import of it: what makes importing twice create nothing twice. */
  readonly key: string;
  /** How messages name it: a file's path, or a post's title and id. */
  readonly name: string;
  /** The draft's own id, when the input is a Commonplace export. */
  readonly draftId: string | null;
  readonly content: DraftContent;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly remotes: readonly RemoteHint[];
  readonly quotesRecognised: number;
  /** The library images the draft names, with their copies in the input (an export's media folder). */
  readonly images: readonly ImportedImage[];
}

/** What the first pass learned of the whole input. */
export interface CheckedInput {
  readonly items: number;
  readonly skipped: ReadonlyMap<string, number>;
  readonly ignoredFields: ReadonlySet<string>;
}

/** An input to import, read in two passes: the first checks all of it, the second converts it. */
export interface ImportSource {
  readonly kind: ImportSourceKind;
  /** Reads the whole input and throws one clear AppError for what is wrong; nothing is imported yet. */
  check(onProgress: (done: number, total: number | null) => void, signal?: AbortSignal): Promise<CheckedInput>;
  /** Hands over the posts, converted, one at a time in the input's order, each once the last is handled. */
  each(handle: (item: ImportItem) => Promise<void>, signal?: AbortSignal): Promise<void>;
}

/** The draft id an imported post gets: the same from the same post, every time. */
export function importedDraftId(item: Pick<ImportItem, 'key' | 'draftId'>): string {
  if (item.draftId !== null) return item.draftId;
  return `imported-${createHash('sha256').update(item.key).digest('base64url').slice(0, 22)}`;
}
