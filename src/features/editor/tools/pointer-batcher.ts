/**
 * Holds pointer samples between frames and hands them over once per animation frame, so a
 * 1000 Hz pen does not paint (or re-render) 1000 times a second. The pending samples live
 * here, outside React state.
 */
export type FrameScheduler = {
  request: (callback: () => void) => number;
  cancel: (handle: number) => void;
};

export const animationFrames: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export class PointerBatcher<T> {
  private pending: T[] = [];
  private handle: number | null = null;

  constructor(
    private readonly onFlush: (samples: T[]) => void,
    private readonly frames: FrameScheduler = animationFrames,
  ) {}

  push(...samples: T[]): void {
    this.pending.push(...samples);
    if (this.handle === null) this.handle = this.frames.request(() => this.flush());
  }

  /** Delivers what is pending now (pointer up must not wait for the next frame). */
  flush(): void {
    if (this.handle !== null) {
      this.frames.cancel(this.handle);
      this.handle = null;
    }
    if (this.pending.length === 0) return;
    const samples = this.pending;
    this.pending = [];
    this.onFlush(samples);
  }

  /** Drops pending samples (a cancelled gesture). */
  discard(): void {
    if (this.handle !== null) this.frames.cancel(this.handle);
    this.handle = null;
    this.pending = [];
  }
}
