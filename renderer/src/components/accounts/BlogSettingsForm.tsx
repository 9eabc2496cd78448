import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { Account, AccountChanges } from '../../../../shared/model/account';
import { api } from '../../api';
import { BlogAddressField } from './BlogAddressField';

/** What the form starts with beyond the blog's own settings: a password typed to add it again. */
export interface SettingsStart {
  readonly address?: string;
  readonly secret?: string;
}

interface BlogSettingsFormProps {
  readonly account: Account;
  readonly start?: SettingsStart;
  readonly onSaved: (account: Account) => void;
  readonly onCancel: () => void;
}

/**
 * One blog's name, address, user and password or key. The blog checks a new address, user or
 * password before anything is kept; when it refuses, nothing changes and its reason shows here,
 * with what was typed still in the fields.
 */
export function BlogSettingsForm({ account, start, onSaved, onCancel }: BlogSettingsFormProps) {
  const [blogName, setBlogName] = useState(account.blogName);
  const [address, setAddress] = useState(start?.address ?? account.address);
  const [user, setUser] = useState(account.user);
  const [secret, setSecret] = useState(start?.secret ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  // A static site's folder and remote are set when it is added; Blogger signs in to Google instead.
  const reachable = account.kind !== 'static';
  const takesSecret = reachable && account.kind !== 'blogger';

  useEffect(() => first.current?.focus(), []);

  async function save(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const changes: AccountChanges = {
      id: account.id,
      ...(blogName.trim() === account.blogName ? {} : { blogName: blogName.trim() }),
      ...(address.trim() === account.address ? {} : { address: address.trim() }),
      ...(user.trim() === account.user ? {} : { user: user.trim() }),
      ...(secret === '' ? {} : { secret }),
    };
    setBusy(true);
    setProblem(null);
    const result = await api.updateAccount(changes);
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setProblem(result.error.message);
  }

  return (
    <form
      className="add-account blog-settings"
      aria-label={`Settings of ${account.blogName}`}
      onSubmit={(event) => void save(event)}
      onKeyDown={(event) => {
        // Escape leaves the form, as its Cancel does, and not the whole Blogs dialog around it.
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        if (!busy) onCancel();
      }}
    >
      <label>
        Name
        <input ref={first} required value={blogName} onChange={(event) => setBlogName(event.target.value)} />
      </label>
      {reachable && (
        <>
          <BlogAddressField value={address} onChange={setAddress} />
          <label>
            User name
            <input autoComplete="username" value={user} onChange={(event) => setUser(event.target.value)} />
          </label>
        </>
      )}
      {takesSecret && (
        <label>
          New password or key
          <input
            type="password"
            autoComplete="new-password"
            placeholder="Leave empty to keep the current one"
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
          />
        </label>
      )}
      {!reachable && (
        <p className="hint">
          A static site’s folder and remote are set when it is added: remove it and add it again to change them (its
          posts stay linked).
        </p>
      )}
      {problem !== null && (
        <p role="alert" className="problem">
          Nothing was changed: {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
