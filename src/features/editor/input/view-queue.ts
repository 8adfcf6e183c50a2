import { useStageViewStore } from '../stores/stage-view-store.ts';
import type { FrameScheduler } from '../tools/pointer-batcher.ts';
import type { ViewTransform } from '../view/view-transform.ts';

/**
 * View changes from pan and pinch, applied at most once per frame: a 120 Hz touchpad must
 * not re-render the stage 120 times a second.
 */
export class ViewQueue {
  private next: ViewTransform | null = null;
  private handle: number | null = null;

  constructor(private readonly frames: FrameScheduler) {}

  queue(view: ViewTransform): void {
    this.next = view;
    this.handle ??= this.frames.request(() => {
      this.handle = null;
      if (this.next) useStageViewStore.getState().setView(this.next);
      this.next = null;
    });
  }

  /** The view as it will be after the next frame (what the next change builds on). */
  current(): ViewTransform {
    return this.next ?? useStageViewStore.getState().view;
  }

  dispose(): void {
    if (this.handle !== null) this.frames.cancel(this.handle);
    this.handle = null;
    this.next = null;
  }
}
