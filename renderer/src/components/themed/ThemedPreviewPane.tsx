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
  return <PlainWithReason content={content} account={account} reason={reason} />;
}

/** The plain preview as the blog credits quotes, under one line saying why the theme is not shown. */
function PlainWithReason({ content, account, reason }: ThemedPreviewPaneProps & { readonly reason: string }) {
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
  const themed = useThemedDocument(content, account, snapshot);
  if (themed === null) {
    const reason = `The snapshot of ${account.blogName}'s theme cannot be used: refresh it in Blogs.`;
    return <PlainWithReason content={content} account={account} reason={reason} />;
  }
  return <ThemedPreview content={themed} blogName={account.blogName} />;
}
