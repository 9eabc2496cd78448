import { useCallback, useEffect, useState } from 'react';
import type { ThemeSnapshotInfo } from '../../../shared/model/themeSnapshot';
import { api } from '../api';

/** When each blog's theme was captured, kept current by the core's theme-snapshot-changed events. */
export function useThemeSnapshots() {
  const [infos, setInfos] = useState<Readonly<Record<string, ThemeSnapshotInfo>>>({});
  useEffect(() => {
    let current = true;
    void api.listThemeSnapshots({}).then((result) => {
      if (current && result.ok) setInfos(Object.fromEntries(result.value.map((info) => [info.accountId, info])));
    });
    const stop = api.onEvent((event) => {
      if (event.type !== 'theme-snapshot-changed') return;
      setInfos(({ [event.accountId]: _replaced, ...others }) =>
        event.info === null ? others : { ...others, [event.accountId]: event.info },
      );
    });
    return () => {
      current = false;
      stop();
    };
  }, []);

  /** Takes the blog's snapshot now; the result (or why not) as a one-line message. */
  const take = useCallback(async (accountId: string): Promise<{ ok: true } | { ok: false; reason: string }> => {
    const result = await api.takeThemeSnapshot({ accountId });
    if (!result.ok) return { ok: false, reason: result.error.message };
    setInfos((others) => ({ ...others, [accountId]: result.value }));
    return { ok: true };
  }, []);

  return { infos, take };
}
