import { z } from 'zod';
import { accountKinds, apiKinds, attributionStyles, imageSides } from './accountChoices';
import { HttpUrlSchema, IdSchema } from './draft';
import { limits } from './limits';
import { PostFormatSchema, SiteFlavourSchema, SiteLayoutSchema, StaticSiteSchema } from './staticSite';

/** The blogs reached through a web API. */
export const ApiKindSchema = z.enum(apiKinds);
export type ApiKind = z.infer<typeof ApiKindSchema>;

/** Every kind of account: a blog's web API, or a static site in a git repository. */
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
  /**
   * The longest side, in pixels, of an image as this blog receives it (scaled down to fit, never
   * up). 2048 is enough for any theme's widest column on a high-density screen, and far smaller
   * than a camera's 4000 px; a blog with a small upload limit or narrow theme may want less.
   */
  maxImageSide: z
    .number()
    .int('a whole number of pixels')
    .min(imageSides.min, `at least ${imageSides.min} pixels`)
    .max(imageSides.max, `at most ${imageSides.max} pixels`)
    .default(imageSides.default),
});
export type AccountOptions = z.infer<typeof AccountOptionsSchema>;

export const defaultAccountOptions: AccountOptions = {
  hashtagsInTitle: false,
  attribution: 'via',
  linkToPassage: false,
  maxImageSide: imageSides.default,
};

/** What every account has, whatever its kind. */
export const accountFields = {
  id: IdSchema,
  /** The address the writer typed; for a static site, the address the site is served at. */
  address: HttpUrlSchema,
  user: z.string(),
  blogName: z.string(),
  userName: z.string(),
  /** Whether the user may publish (not only submit for review). */
  canPublish: z.boolean(),
  options: AccountOptionsSchema,
  addedAt: z.iso.datetime({ offset: true }),
};

/** A blog the writer publishes to, as the renderer sees it: never with its secret. */
export const AccountSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...accountFields, kind: ApiKindSchema }),
  /** A static site keeps its folder known, so other features (the themed preview) can find it. */
  z.strictObject({ ...accountFields, kind: z.literal('static'), site: StaticSiteSchema }),
]);
export type Account = z.infer<typeof AccountSchema>;

const loopbackHost = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?(?:[/?#]|$)/i;

/**
 * The web addresses a blog address may mean, as people type them: as it is when it names http or
 * https, else https first ("myblog.example.com", "127.0.0.1:8080"), then http for this computer's
 * own addresses, where test and local blogs run without TLS. Empty when it cannot be an address.
 */
export function blogAddressCandidates(typed: string): string[] {
  const address = typed.trim();
  const spelled = /^https?:\/\//i.test(address)
    ? [address]
    : /^[a-z][a-z0-9+.-]*:\/\//i.test(address)
      ? []
      : [`https://${address}`, ...(loopbackHost.test(address) ? [`http://${address}`] : [])];
  return spelled.filter((candidate) => HttpUrlSchema.safeParse(candidate).success);
}

/** A blog address as typed (see blogAddressCandidates). */
const TypedAddressSchema = z
  .string()
  .max(limits.urlCharacters)
  .refine((typed) => blogAddressCandidates(typed).length > 0, {
    message: 'enter the blog’s address, such as myblog.example.com',
  });

/**
 * Whether two address-and-user pairs name the same blog account, however the address is spelled:
 * its scheme (a blog moved to https is the same blog), case, default port and trailing slash aside.
 */
export function sameBlog(
  one: { readonly address: string; readonly user: string },
  other: { readonly address: string; readonly user: string },
): boolean {
  const key = (typed: string): string | null => {
    const [address] = blogAddressCandidates(typed);
    if (address === undefined) return null;
    const url = new URL(address);
    return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
  };
  const mine = key(one.address);
  return (
    mine !== null && mine === key(other.address) && one.user.trim().toLowerCase() === other.user.trim().toLowerCase()
  );
}

/** What the writer types to add a blog reached through its API. Blogger takes no secret: the writer signs in to Google. */
export const NewApiAccountSchema = z
  .strictObject({
    kind: ApiKindSchema,
    /** As typed: "myblog.example.com" will do (see blogAddressCandidates). */
    address: TypedAddressSchema,
    user: z.string().max(200),
    secret: z.string().max(4_096),
    options: AccountOptionsSchema.optional(),
  })
  .refine((account) => account.kind === 'blogger' || account.secret !== '', {
    message: 'a password or key is needed',
    path: ['secret'],
  });
export type NewApiAccount = z.infer<typeof NewApiAccountSchema>;

/**
 * What the writer gives to add a static site: its repository folder, its generator, and where to
 * push (with the user and token the remote asks for, when it asks). `address` is the site's public
 * address when its own configuration does not say; `layout` overrides the flavour's folder,
 * file name, permalink and fields (what a custom site must give).
 */
export const NewStaticAccountSchema = z.strictObject({
  kind: z.literal('static'),
  folder: z.string().min(1).max(4_096),
  flavour: SiteFlavourSchema,
  format: PostFormatSchema.default('html'),
  layout: SiteLayoutSchema.partial().optional(),
  remote: HttpUrlSchema.nullable().default(null),
  address: HttpUrlSchema.nullable().default(null),
  user: z.string().max(200).default(''),
  secret: z.string().max(4_096).default(''),
  options: AccountOptionsSchema.optional(),
});
export type NewStaticAccount = z.infer<typeof NewStaticAccountSchema>;

export const NewAccountSchema = z.discriminatedUnion('kind', [NewApiAccountSchema, NewStaticAccountSchema]);
export type NewAccount = z.infer<typeof NewAccountSchema>;

/**
 * What the writer changes in a blog's settings; what is absent stays as it is. A new address, user
 * or secret is checked on the blog before anything is kept; a secret left out keeps the one in
 * the vault.
 */
export const AccountChangesSchema = z.strictObject({
  id: IdSchema,
  address: TypedAddressSchema.optional(),
  user: z.string().max(200).optional(),
  secret: z.string().min(1, 'a password or key is needed').max(4_096).optional(),
  /** The name the app shows for the blog; the blog's own title when it was added. */
  blogName: z.string().trim().min(1, 'the blog needs a name').max(200).optional(),
  options: AccountOptionsSchema.optional(),
});
export type AccountChanges = z.infer<typeof AccountChangesSchema>;

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
