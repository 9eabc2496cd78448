import type { Account } from '../../../../shared/model/account';
import type { DraftContent } from '../../../../shared/model/draft';
import type { ThemeSnapshot } from '../../../../shared/model/themeSnapshot';
import { useThemeSnapshot } from '../../state/useThemeSnapshot';
import { Preview } from '../Preview';
import { ThemedPreview } from './ThemedPreview';
import { useThemedDocument } from './useThemedDocument';

interface ThemedPreviewPaneProps {
  readonly content: DraftContent;
  readonly account: Account;
}

/** The draft as on one blog: in its theme when a snapshot is kept, else the plain preview with why. */
export function ThemedPreviewPane({ content, account }: ThemedPreviewPaneProps) {
  const theme = useThemeSnapshot(account.id);
  if (theme.kind === 'ready') return <InTheme content={content} account={account} snapshot={theme.snapshot} />;
  const reason =
    theme.kind === 'missing'
      ? theme.reason
      : theme.kind === 'taking'
        ? `Taking a snapshot of ${account.blogName}'s theme…`
        : `Opening ${account.blogName}'s theme…`;
  return (
    <>
      <p className="preview-fallback" role="status">
        {reason}
      </p>
      <Preview
        content={content}
        attribution={account.options.attribution}
        linkToPassage={account.options.linkToPassage}
      />
    </>
  );
}

function InTheme({ content, account, snapshot }: ThemedPreviewPaneProps & { readonly snapshot: ThemeSnapshot }) {
  const document = useThemedDocument(content, account, snapshot);
  if (document === null) {
    return (
      <>
        <p className="preview-fallback" role="status">
          The snapshot of {account.blogName}'s theme cannot be used: refresh it in Blogs.
        </p>
        <Preview
          content={content}
          attribution={account.options.attribution}
          linkToPassage={account.options.linkToPassage}
        />
      </>
    );
  }
  return <ThemedPreview document={document} blogName={account.blogName} />;
}
