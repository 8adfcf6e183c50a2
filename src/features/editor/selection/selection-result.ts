import type { SelectionPaint } from './apply-selection.ts';

/** A selection as a worker sends it back: the paint of its bounds, moved (not copied). */
export interface SelectionResult extends SelectionPaint {
  paint: ImageBitmap | null;
  /** The worker's own time for it, in ms (the benchmark reads it). */
  workMs?: number;
}

/**
 * The person worker's API, written out here so the main thread's code (and the type check of
 * tests in Node) never pulls in the worker's module, which imports the model's assets.
 */
export type PersonWorkerApi = {
  /** Loads the runtime and the model (once); fails with the reason when they cannot start. */
  start(): Promise<void>;
  /** The person in `picture` (which the call closes) as paint for the mask. */
  selectPerson(picture: ImageBitmap): Promise<SelectionResult>;
};
