import { z } from 'zod';
import { accountKinds, attributionStyles } from './accountChoices';
import { HttpUrlSchema, IdSchema } from './draft';

/** The blog protocols an account can speak. */
export const AccountKindSchema = z.enum(accountKinds);
export type AccountKind = z.infer<typeof AccountKindSchema>;

/** Per-blog choices about how a post is published there. */
export const AccountOptionsSchema = z.strictObject({
  /** Also append the hashtags to the post's title (the example post shows them there). */
  hashtagsInTitle: z.boolean(),
  /** How quotes are credited on this blog (see shared/render/quote.ts). */
  attribution: z.enum(attributionStyles).default('via'),
  /** Whether the link to a quote's source opens it at the quoted passage (a text fragment). */
  linkToPassage: z.boolean().default(false),
});
export type AccountOptions = z.infer<typeof AccountOptionsSchema>;

export const defaultAccountOptions: AccountOptions = {
  hashtagsInTitle: false,
  attribution: 'via',
  linkToPassage: false,
};

/** A blog the writer publishes to, as the renderer sees it: never with its secret. */
export const AccountSchema = z.strictObject({
  id: IdSchema,
  kind: AccountKindSchema,
  /** The address the writer typed. */
  address: HttpUrlSchema,
  user: z.string(),
  blogName: z.string(),
  userName: z.string(),
  /** Whether the user may publish (not only submit for review). */
  canPublish: z.boolean(),
  options: AccountOptionsSchema,
  addedAt: z.iso.datetime({ offset: true }),
});
export type Account = z.infer<typeof AccountSchema>;

/** What the writer types to add a blog. Blogger takes no secret: the writer signs in to Google. */
export const NewAccountSchema = z
  .strictObject({
    kind: AccountKindSchema,
    address: HttpUrlSchema,
    user: z.string().max(200),
    secret: z.string().max(4_096),
    options: AccountOptionsSchema.optional(),
  })
  .refine((account) => account.kind === 'blogger' || account.secret !== '', {
    message: 'a password or key is needed',
    path: ['secret'],
  });
export type NewAccount = z.infer<typeof NewAccountSchema>;

/** Where secrets are kept, so the app can say when they are not protected by the OS. */
export const VaultInfoSchema = z.strictObject({
  /** True when an OS keyring protects the secrets (Electron's safeStorage with a real backend). */
  protectedByOs: z.boolean(),
  description: z.string(),
});
export type VaultInfo = z.infer<typeof VaultInfoSchema>;

/** What removing a blog did to its posts, in words. */
export function describeRemoval(posts: number, cancelled: number): string {
  const kept =
    posts === 0
      ? 'No draft was published there.'
      : `${posts === 1 ? 'Its post stays' : `Its ${posts} posts stay`} on the blog, linked to ${posts === 1 ? 'its draft' : 'their drafts'} here; adding the blog again relinks ${posts === 1 ? 'it' : 'them'}.`;
  if (cancelled === 0) return kept;
  return `${kept} ${cancelled === 1 ? 'A change waiting to go out was' : `${cancelled} changes waiting to go out were`} cancelled.`;
}
