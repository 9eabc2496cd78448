interface Waiter<R> {
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

interface Lane<T, R> {
  pending: { value: T; waiters: Waiter<R>[] } | null;
}

/**
 * Runs one task at a time per key; values submitted while a task runs are coalesced into one
 * (`combine`; by default the latest wins) that is run next, and every caller it covers is
 * answered with that run's result. This serialises saves of one draft and lets autosave outpace
 * the disk without queueing up.
 */
export class CoalescingQueue<T, R> {
  readonly #lanes = new Map<string, Lane<T, R>>();
  readonly #run: (key: string, value: T) => Promise<R>;
  readonly #combine: (earlier: T, later: T) => T;

  constructor(run: (key: string, value: T) => Promise<R>, combine: (earlier: T, later: T) => T = (_, later) => later) {
    this.#run = run;
    this.#combine = combine;
  }

  submit(key: string, value: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const lane = this.#lanes.get(key);
      if (lane) {
        const waiters = lane.pending?.waiters ?? [];
        waiters.push({ resolve, reject });
        lane.pending = { value: lane.pending ? this.#combine(lane.pending.value, value) : value, waiters };
        return;
      }
      this.#lanes.set(key, { pending: null });
      void this.#drain(key, value, [{ resolve, reject }]);
    });
  }

  /** Resolves once nothing is running or pending for any key. */
  async idle(): Promise<void> {
    while (this.#lanes.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  async #drain(key: string, first: T, firstWaiters: Waiter<R>[]): Promise<void> {
    let batch: { value: T; waiters: Waiter<R>[] } | null = { value: first, waiters: firstWaiters };
    while (batch) {
      try {
        const result = await this.#run(key, batch.value);
        for (const waiter of batch.waiters) waiter.resolve(result);
      } catch (error) {
        for (const waiter of batch.waiters) waiter.reject(error);
      }
      const lane = this.#lanes.get(key);
      batch = lane?.pending ?? null;
      if (lane) lane.pending = null;
    }
    this.#lanes.delete(key);
  }
}
