/**
 * Bounds concurrent image work so a burst of requests cannot exhaust memory or CPU: at most
 * `limit` requests read bodies and render at once, at most `maxWaiting` wait; beyond that
 * the engine answers 429 with Retry-After, like a busy API.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
  ) {}

  /** Resolves to a release function, or null when the queue is full. */
  async acquire(): Promise<(() => void) | null> {
    if (this.active >= this.limit) {
      if (this.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }

  get busy(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}
