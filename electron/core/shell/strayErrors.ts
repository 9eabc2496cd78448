/** The part of `process` that announces errors nobody caught. */
export interface StrayErrorSource {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

/**
 * Makes a host outlive an error that no caller caught. Node ends the process on an unhandled
 * rejection or an uncaught exception, and one failing entry, adapter or account must never take
 * the writer's library down with it (nor, through a crash replayed at every start, lock them
 * out). Every such error is reported as one; the host keeps serving. Returns what uninstalls it.
 */
export function keepRunningThroughStrayErrors(
  source: StrayErrorSource,
  report: (message: string, error: unknown) => void,
): () => void {
  const rejected = (reason: unknown): void => {
    report('A background task failed and nothing was waiting for it; Commonplace keeps running', reason);
  };
  const thrown = (error: Error): void => {
    report('An unexpected error was not caught; Commonplace keeps running', error);
  };
  source.on('unhandledRejection', rejected);
  source.on('uncaughtException', thrown);
  return () => {
    source.off('unhandledRejection', rejected);
    source.off('uncaughtException', thrown);
  };
}
