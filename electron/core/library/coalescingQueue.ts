interface Waiter<R> {
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

interface Batch<T, R> {
  value: T;
  waiters: Waiter<R>[];
}

interface Lane<T, R> {
  /** What waits for the running task, in order: each batch runs alone, after the one before. */
  pending: Batch<T, R>[];
}

/**
 * Runs one task at a time per key; values submitted while a task runs are coalesced into one
 * (`combine`; by default the latest wins) that is run next, and every caller it covers is
 * answered with that run's result. This serialises saves of one draft and lets autosave outpace
 * the disk without queueing up. `combine` answers null for two values that must each be run (and
 * answered) on their own: the later then runs after the earlier, in the order submitted.
 */
export class CoalescingQueue<T, R> {
  readonly #lanes = new Map<string, Lane<T, R>>();
  readonly #run: (key: string, value: T) => Promise<R>;
  readonly #combine: (earlier: T, later: T) => T | null;

  constructor(
    run: (key: string, value: T) => Promise<R>,
    combine: (earlier: T, later: T) => T | null = (_, later) => later,
  ) {
    this.#run = run;
    this.#combine = combine;
  }

  submit(key: string, value: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const lane = this.#lanes.get(key);
      if (lane) {
        const last = lane.pending.at(-1);
        const combined = last ? this.#combine(last.value, value) : null;
        if (last && combined !== null) {
          last.value = combined;
          last.waiters.push({ resolve, reject });
        } else {
          lane.pending.push({ value, waiters: [{ resolve, reject }] });
        }
        return;
      }
      this.#lanes.set(key, { pending: [] });
      void this.#drain(key, { value, waiters: [{ resolve, reject }] });
    });
  }

  /** Resolves once nothing is running or pending for any key. */
  async idle(): Promise<void> {
    while (this.#lanes.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  async #drain(key: string, first: Batch<T, R>): Promise<void> {
    for (let batch: Batch<T, R> | undefined = first; batch; batch = this.#lanes.get(key)?.pending.shift()) {
      try {
        const result = await this.#run(key, batch.value);
        for (const waiter of batch.waiters) waiter.resolve(result);
      } catch (error) {
        for (const waiter of batch.waiters) waiter.reject(error);
      }
    }
    this.#lanes.delete(key);
  }
}
