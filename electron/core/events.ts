import type { AppEvent } from '../../shared/contract';

/** The main side's events, fanned out to whichever hosts listen (IPC to windows, SSE to pages). */
export class EventHub {
  readonly #listeners = new Set<(event: AppEvent) => void>();

  publish(event: AppEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  subscribe(listener: (event: AppEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
