/** Runs at most `bound` tasks at once; the others wait their turn in order. */
export class Limiter {
  readonly #bound: number;
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(bound: number) {
    this.#bound = Math.max(1, bound);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in between.
    if (this.#active >= this.#bound) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active += 1;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active -= 1;
    }
  }
}

/** Runs tasks that share a key one after another, and tasks with different keys side by side. */
export class KeyedSerializer {
  readonly #chains = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#chains.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.#chains.set(key, next);
    void next
      .catch(() => undefined)
      .finally(() => {
        if (this.#chains.get(key) === next) this.#chains.delete(key);
      });
    return next;
  }

  /** True while a task for `key` runs or waits. */
  busy(key: string): boolean {
    return this.#chains.has(key);
  }
}
