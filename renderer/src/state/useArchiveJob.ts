import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArchiveProgress } from '../../../shared/model/archive';
import type { Result } from '../../../shared/result';
import { api } from '../api';

/** Where one export or import the writer started stands. */
export type ArchiveJobState<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly jobId: string; readonly progress: ArchiveProgress | null }
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Runs an export or import under a job id of its own, follows its archive-progress events, and
 * cancels it on request: the call's Result ends the job, whatever the events said.
 */
export function useArchiveJob<T>() {
  const [state, setState] = useState<ArchiveJobState<T>>({ kind: 'idle' });
  const running = useRef<string | null>(null);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'archive-progress' || event.jobId !== running.current) return;
        setState({ kind: 'running', jobId: event.jobId, progress: event.progress });
      }),
    [],
  );

  const start = useCallback(async (call: (jobId: string) => Promise<Result<T>>) => {
    const jobId = `job-${crypto.randomUUID()}`;
    running.current = jobId;
    setState({ kind: 'running', jobId, progress: null });
    const result = await call(jobId);
    running.current = null;
    setState(result.ok ? { kind: 'done', value: result.value } : { kind: 'failed', message: result.error.message });
  }, []);

  const cancel = useCallback(() => {
    if (running.current !== null) void api.cancelArchiveJob({ jobId: running.current });
  }, []);

  const reset = useCallback(() => setState({ kind: 'idle' }), []);

  return { state, start, cancel, reset };
}
