/**
 * A weighted, first-come-first-served semaphore. The engine keeps two: work slots (weight 1
 * each: at most `capacity` requests render at once, at most `maxWaiting` wait; beyond that it
 * answers 429 with Retry-After, like a busy API) and a byte budget for request bodies held in
 * memory (weight = the body's size), so a crowd of uploads cannot exhaust memory.
 *
 * A waiter whose client has gone (its `signal` aborts) leaves the queue at once; nothing it
 * never received has to be released.
 */
export type Release = () => void;

interface Waiter {
  weight: number;
  grant: (release: Release) => void;
}

export class Semaphore {
  private used = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    readonly capacity: number,
    readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {}

  /**
   * Resolves to a release function, or null when the queue is full. A weight above the
   * capacity is taken as the whole capacity (it then runs alone). Rejects with the signal's
   * reason if it aborts while waiting.
   */
  acquire(weight = 1, signal?: AbortSignal): Promise<Release | null> {
    const need = Math.min(Math.max(weight, 0), this.capacity);
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.waiting.length === 0 && this.used + need <= this.capacity) {
      this.used += need;
      return Promise.resolve(this.releaser(need));
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        weight: need,
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        // The head may have been blocking smaller requests behind it.
        this.grantWaiting();
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  get busy(): { active: number; waiting: number } {
    return { active: this.used, waiting: this.waiting.length };
  }

  private releaser(weight: number): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= weight;
      this.grantWaiting();
    };
  }

  /** Strictly in order: a large request at the head is never starved by small ones. */
  private grantWaiting(): void {
    while (this.waiting.length > 0 && this.used + this.waiting[0]!.weight <= this.capacity) {
      const next = this.waiting.shift()!;
      this.used += next.weight;
      next.grant(this.releaser(next.weight));
    }
  }
}
