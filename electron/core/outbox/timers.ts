/** Schedules a callback; returns the function that cancels it. Injected so tests control time. */
export type SetTimer = (callback: () => void, delayMs: number) => () => void;

/** The process's own timers, unreferenced so a pending retry never keeps Node running. */
export function systemTimer(callback: () => void, delayMs: number): () => void {
  const handle = setTimeout(callback, delayMs);
  handle.unref();
  return () => clearTimeout(handle);
}
