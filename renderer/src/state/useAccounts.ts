import { useCallback, useEffect, useState } from 'react';
import type { Account } from '../../../shared/model/account';
import { api } from '../api';

/** The writer's blogs, reloaded on demand (after the blogs dialog changed them). */
export function useAccounts() {
  const [accounts, setAccounts] = useState<readonly Account[]>([]);
  const refresh = useCallback(async () => {
    const result = await api.listAccounts({});
    if (result.ok) setAccounts(result.value);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { accounts, refresh };
}
