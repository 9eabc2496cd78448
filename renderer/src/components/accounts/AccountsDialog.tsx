import { useEffect, useLayoutEffect, useRef, useState, type SubmitEvent } from 'react';
import {
  AccountKindSchema,
  type Account,
  type AccountKind,
  type AccountOptions,
  type VaultInfo,
  describeRemoval,
  sameBlog,
} from '../../../../shared/model/account';
import { attributionStyles, type AttributionStyle } from '../../../../shared/model/accountChoices';
import { api } from '../../api';
import { BlogAddressField } from './BlogAddressField';
import { emptyStaticSiteChoice, StaticSiteFields, staticAccountInput, type StaticSiteChoice } from './StaticSiteFields';
import { useThemeSnapshots } from '../../state/useThemeSnapshots';
import { ThemeSnapshotControl } from './ThemeSnapshotControl';
import { ImageSideField } from './ImageSideField';
import { BlogSettingsForm, type SettingsStart } from './BlogSettingsForm';

const kindLabels: Readonly<Record<AccountKind, string>> = {
  wordpress: 'WordPress (REST API, Application Password)',
  xmlrpc: 'WordPress or MetaWeblog (XML-RPC)',
  ghost: 'Ghost (Admin API key)',
  micropub: 'Micropub (token)',
  blogger: 'Blogger',
  static: 'Static site in a git repository (Hugo, Jekyll, custom)',
};

/** How many of a blog's most recent posts one import brings in. */
const PULL_COUNT = 20;

function attributionOf(value: string): AttributionStyle {
  return attributionStyles.find((style) => style === value) ?? 'via';
}

interface AccountsDialogProps {
  /** The blogs as the core announced them; every change here comes back that way. */
  readonly accounts: readonly Account[];
  /** The blog whose settings open at once (the publish panel's "Open the blog's settings"). */
  readonly settingsOf?: string | null;
  readonly onClose: () => void;
}

/** The writer's blogs: add one by its address, see what was found, change its settings, remove one. */
export function AccountsDialog({ accounts, settingsOf = null, onClose }: AccountsDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [vault, setVault] = useState<VaultInfo | null>(null);
  const [kind, setKind] = useState<AccountKind>('wordpress');
  const [address, setAddress] = useState('');
  const [user, setUser] = useState('');
  const [secret, setSecret] = useState('');
  const [site, setSite] = useState<StaticSiteChoice>(emptyStaticSiteChoice);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ readonly tone: 'problem' | 'done'; readonly text: string } | null>(null);
  // Choices shown as made while they are saved, so a control never flips back and forth.
  const [chosenOptions, setChosenOptions] = useState<Readonly<Record<string, AccountOptions>>>({});
  const optionsOf = (account: Account): AccountOptions => chosenOptions[account.id] ?? account.options;
  const themes = useThemeSnapshots();
  const [editing, setEditing] = useState<{ readonly id: string; readonly start?: SettingsStart } | null>(
    settingsOf === null ? null : { id: settingsOf },
  );
  // Adding a blog that is already there: the offer to put what was typed into its settings instead.
  const [existing, setExisting] = useState<{ readonly account: Account; readonly start: SettingsStart } | null>(null);

  // Before any child's effect: opening the dialog moves the focus, and a blog's settings opened
  // with it (from the publish panel) then take it to their first field.
  useLayoutEffect(() => dialog.current?.showModal(), []);
  /** Each blog's Settings button, where focus returns when its form is left. */
  const settingsButtons = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    void api.vaultInfo({}).then((result) => result.ok && setVault(result.value));
  }, []);

  async function add(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setExisting(null);
    const result = await api.addAccount(
      kind === 'static'
        ? staticAccountInput(site, { user: user.trim(), secret })
        : { kind, address: address.trim(), user: user.trim(), secret },
    );
    setBusy(false);
    if (!result.ok) {
      const already =
        result.error.kind === 'conflict' && kind !== 'static'
          ? accounts.find((account) => sameBlog(account, { address, user }))
          : undefined;
      if (already) setExisting({ account: already, start: { address: address.trim(), secret } });
      setMessage({ tone: 'problem', text: result.error.message });
      return;
    }
    setSecret('');
    setAddress('');
    setSite(emptyStaticSiteChoice);
    setMessage({
      tone: 'done',
      text: `Added “${result.value.blogName}” as ${result.value.userName}${result.value.canPublish ? '' : ' (this user may only submit posts for review)'}.`,
    });
  }

  /** Keeps the blog's new options; false when the core refused them (the message says why). */
  async function setOptions(account: Account, options: AccountOptions): Promise<boolean> {
    setChosenOptions((chosen) => ({ ...chosen, [account.id]: options }));
    const result = await api.setAccountOptions({ id: account.id, options });
    if (!result.ok) {
      setMessage({ tone: 'problem', text: result.error.message });
      setChosenOptions(({ [account.id]: _refused, ...others }) => others);
    }
    return result.ok;
  }

  async function pull(account: Account): Promise<void> {
    setMessage(null);
    const result = await api.pullPosts({ accountId: account.id, count: PULL_COUNT });
    if (!result.ok) {
      setMessage({ tone: 'problem', text: result.error.message });
      return;
    }
    const { imported, skipped } = result.value;
    setMessage({
      tone: 'done',
      text: `Imported ${imported.length} post${imported.length === 1 ? '' : 's'} from “${account.blogName}”${skipped > 0 ? ` (${skipped} already here)` : ''}.`,
    });
  }

  function openSettings(id: string, start?: SettingsStart): void {
    setMessage(null);
    setExisting(null);
    setEditing(start === undefined ? { id } : { id, start });
  }

  function saved(account: Account): void {
    // What was typed to add the blog again went into its settings: the add form starts afresh.
    if (editing?.start !== undefined) setAddress('');
    setEditing(null);
    setSecret('');
    setMessage({ tone: 'done', text: `Saved the settings of “${account.blogName}”.` });
  }

  async function remove(account: Account): Promise<void> {
    const result = await api.removeAccount({ id: account.id });
    setMessage(
      result.ok
        ? {
            tone: 'done',
            text: `Removed “${account.blogName}”. ${describeRemoval(result.value.posts, result.value.cancelled)}`,
          }
        : { tone: 'problem', text: result.error.message },
    );
  }

  return (
    <dialog ref={dialog} className="accounts-dialog" aria-label="Blogs" onClose={onClose}>
      <h2>Blogs</h2>
      {vault && !vault.protectedByOs && (
        <p className="notice" role="note">
          {vault.description}
        </p>
      )}
      {accounts.length === 0 ? (
        <p className="empty">No blogs yet. Add the first one below.</p>
      ) : (
        <ul className="account-list" aria-label="Your blogs">
          {accounts.map((account) => (
            <li key={account.id}>
              <span>
                <strong>{account.blogName}</strong> — {account.userName}, {account.address}
              </span>
              <label className="account-option">
                Quotes
                <select
                  aria-label={`How ${account.blogName} credits quotes`}
                  value={optionsOf(account).attribution}
                  onChange={(event) =>
                    void setOptions(account, { ...optionsOf(account), attribution: attributionOf(event.target.value) })
                  }
                >
                  <option value="via">via</option>
                  <option value="source">Source:</option>
                  <option value="quoteback">Quoteback</option>
                </select>
              </label>
              <label className="account-option">
                <input
                  type="checkbox"
                  checked={optionsOf(account).hashtagsInTitle}
                  onChange={(event) =>
                    void setOptions(account, { ...optionsOf(account), hashtagsInTitle: event.target.checked })
                  }
                />
                Hashtags in title
              </label>
              <label className="account-option" title="Each quote's link opens its source at the quoted passage">
                <input
                  type="checkbox"
                  checked={optionsOf(account).linkToPassage}
                  onChange={(event) =>
                    void setOptions(account, { ...optionsOf(account), linkToPassage: event.target.checked })
                  }
                />
                Link to the passage
              </label>
              <ImageSideField
                blogName={account.blogName}
                value={optionsOf(account).maxImageSide}
                onCommit={(side) => setOptions(account, { ...optionsOf(account), maxImageSide: side })}
              />
              <ThemeSnapshotControl
                account={account}
                info={themes.infos[account.id]}
                take={themes.take}
                onProblem={(text) => setMessage({ tone: 'problem', text })}
              />
              <button
                type="button"
                onClick={() => void pull(account)}
                aria-label={`Import recent posts from ${account.blogName}`}
                title="Bring the blog's recent posts in as drafts, to edit them here and update them"
              >
                Import posts
              </button>
              <button
                type="button"
                onClick={() => openSettings(account.id)}
                ref={(button) => {
                  if (button) settingsButtons.current.set(account.id, button);
                  else settingsButtons.current.delete(account.id);
                }}
                aria-label={`Settings of ${account.blogName}`}
                aria-expanded={editing?.id === account.id}
                title="Its name, address, user and password or key"
              >
                Settings
              </button>
              <button type="button" onClick={() => void remove(account)} aria-label={`Remove ${account.blogName}`}>
                Remove
              </button>
              {editing?.id === account.id && (
                <BlogSettingsForm
                  account={account}
                  {...(editing.start === undefined ? {} : { start: editing.start })}
                  onSaved={saved}
                  onCancel={() => {
                    setEditing(null);
                    settingsButtons.current.get(account.id)?.focus();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="add-account" onSubmit={(event) => void add(event)} aria-label="Add a blog">
        <label>
          Kind
          <select value={kind} onChange={(event) => setKind(AccountKindSchema.parse(event.target.value))}>
            {AccountKindSchema.options.map((option) => (
              <option key={option} value={option}>
                {kindLabels[option]}
              </option>
            ))}
          </select>
        </label>
        {kind === 'static' ? (
          <StaticSiteFields choice={site} onChange={setSite} />
        ) : (
          <BlogAddressField value={address} onChange={setAddress} />
        )}
        <label>
          {kind === 'static' ? 'Remote user name (optional)' : 'User name'}
          <input autoComplete="username" value={user} onChange={(event) => setUser(event.target.value)} />
        </label>
        {kind === 'static' ? (
          <label>
            Remote token or password (optional)
            <input
              type="password"
              autoComplete="current-password"
              value={secret}
              onChange={(event) => setSecret(event.target.value)}
            />
          </label>
        ) : kind === 'blogger' ? (
          <p className="hint">Blogger has no password here: adding it opens Google’s sign-in in your browser.</p>
        ) : (
          <label>
            Password or key
            <input
              type="password"
              autoComplete="current-password"
              required
              value={secret}
              onChange={(event) => setSecret(event.target.value)}
            />
          </label>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Add blog'}
        </button>
      </form>
      {message && (
        <p role={message.tone === 'problem' ? 'alert' : 'status'} className={message.tone}>
          {message.text}
          {existing && (
            <>
              {' '}
              <button type="button" onClick={() => openSettings(existing.account.id, existing.start)}>
                Update “{existing.account.blogName}” with what you typed
              </button>
            </>
          )}
        </p>
      )}
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
