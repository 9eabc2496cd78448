import { useState } from 'react';
import type { Account } from '../../../shared/model/account';
import type { DraftContent } from '../../../shared/model/draft';
import { attributionStyles, type AttributionStyle } from '../../../shared/model/accountChoices';
import { Preview } from './Preview';
import { ThemedPreviewPane } from './themed/ThemedPreviewPane';

function attributionOf(value: string): AttributionStyle {
  return attributionStyles.find((style) => style === value) ?? 'via';
}

interface PreviewPaneProps {
  readonly content: DraftContent;
  readonly accounts: readonly Account[];
}

/**
 * The preview beside the editor, with its bar: how quotes are credited in the plain preview, and
 * one toggle per blog to see the draft as on that blog, in its theme.
 */
export function PreviewPane({ content, accounts }: PreviewPaneProps) {
  // The preview credits quotes as the first blog does, until the writer picks another style.
  const [attribution, setAttribution] = useState<AttributionStyle>(accounts[0]?.options.attribution ?? 'via');
  const [linkToPassage, setLinkToPassage] = useState(accounts[0]?.options.linkToPassage ?? false);
  const [themedId, setThemedId] = useState<string | null>(null);
  const themed = accounts.find((account) => account.id === themedId) ?? null;

  return (
    <div className="preview-pane">
      <div className="preview-style" role="group" aria-label="How the preview credits quotes">
        {themed === null ? (
          <>
            <label>
              Credit quotes as
              <select
                value={attribution}
                onChange={(event) => setAttribution(attributionOf(event.target.value))}
                aria-label="Credit quotes as"
              >
                <option value="via">via (as the example post)</option>
                <option value="source">Source: (Press This)</option>
                <option value="quoteback">Quoteback</option>
              </select>
            </label>
            <label title="Each quote's link opens its source at the quoted passage">
              <input
                type="checkbox"
                checked={linkToPassage}
                onChange={(event) => setLinkToPassage(event.target.checked)}
              />
              Link to the passage
            </label>
          </>
        ) : (
          <span className="preview-hint">As {themed.blogName} publishes it</span>
        )}
        {accounts.map((account) => (
          <button
            key={account.id}
            type="button"
            className="theme-toggle"
            aria-pressed={account.id === themedId}
            title={`Show the draft in ${account.blogName}'s own theme`}
            onClick={() => setThemedId((current) => (current === account.id ? null : account.id))}
          >
            as on {account.blogName}
          </button>
        ))}
      </div>
      {themed === null ? (
        <Preview content={content} attribution={attribution} linkToPassage={linkToPassage} />
      ) : (
        <ThemedPreviewPane content={content} account={themed} />
      )}
    </div>
  );
}
