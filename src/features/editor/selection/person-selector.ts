/**
 * Select person, from the main thread: the person worker (and its model) start on the first
 * call. Any failure to start or run comes back as PersonSelectorError with a sentence for
 * the designer; the mask is only ever changed by the caller, after a successful answer.
 */
import type { PersonWorkerApi, SelectionResult } from './selection-result.ts';
import { PersonSelectorError } from './person-selector-error.ts';
import { workerApi } from '../../../lib/worker-api.ts';

// A worker that fails to load or crashes is replaced on the next call, so a later press
// tries again; so does a model that failed to start (the worker forgets the failure).
const worker = workerApi<PersonWorkerApi>({
  start: () => new Worker(new URL('./person-worker.ts', import.meta.url), { type: 'module' }),
  crashed: (reason) => new Error(`its worker stopped: ${reason}`),
});

/** The person in `picture` (left open: a copy goes to the worker). */
export async function selectPerson(picture: ImageBitmap): Promise<SelectionResult> {
  let copy: ImageBitmap;
  try {
    copy = await createImageBitmap(picture);
  } catch (error) {
    throw new PersonSelectorError(`The picture could not be read (${reason(error)}).`);
  }
  try {
    await worker.start();
  } catch (error) {
    copy.close();
    throw new PersonSelectorError(`Could not start the person selector (${reason(error)}).`);
  }
  try {
    return await worker.selectPerson(copy);
  } catch (error) {
    throw new PersonSelectorError(
      `The person selector could not read this picture (${reason(error)}).`,
    );
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
