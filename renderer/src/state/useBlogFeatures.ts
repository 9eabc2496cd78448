import { useEffect, useState } from 'react';
import type { BlogFeatures } from '../../../shared/model/blogFeatures';
import { api } from '../api';

/** What each blog offers a post, or why it could not be asked (offline, say), per account. */
export type FeaturesByAccount = Readonly<Record<string, { features: BlogFeatures } | { problem: string }>>;

/** Asks each of these blogs what it offers, once per account while the panel is open. */
export function useBlogFeatures(accountIds: readonly string[]): FeaturesByAccount {
  const [found, setFound] = useState<FeaturesByAccount>({});
  const key = [...accountIds].sort().join(' ');
  useEffect(() => {
    let current = true;
    for (const accountId of key.split(' ').filter((id) => id !== '')) {
      void api.blogFeatures({ accountId }).then((result) => {
        if (!current) return;
        const entry = result.ok ? { features: result.value } : { problem: result.error.message };
        setFound((previous) => ({ ...previous, [accountId]: entry }));
      });
    }
    return () => {
      current = false;
    };
  }, [key]);
  return found;
}
