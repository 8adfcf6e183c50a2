/**
 * Select person, from the main thread: the person worker (and its model) start on the first
 * call. Any failure to start or run comes back as PersonSelectorError with a sentence for
 * the designer; the mask is only ever changed by the caller, after a successful answer.
 */
import { transfer } from 'comlink';
import type { PersonWorkerApi, SelectionResult } from './selection-result.ts';
import { PersonSelectorError } from './person-selector-error.ts';
import { lazyWorker } from './worker-handle.ts';

const worker = lazyWorker<PersonWorkerApi>(
  () => new Worker(new URL('./person-worker.ts', import.meta.url), { type: 'module' }),
  'person selector',
);

/** The person in `picture` (left open: a copy goes to the worker). */
export async function selectPerson(picture: ImageBitmap): Promise<SelectionResult> {
  let copy: ImageBitmap;
  try {
    copy = await createImageBitmap(picture);
  } catch (error) {
    throw new PersonSelectorError(`The picture could not be read (${reason(error)}).`);
  }
  try {
    await worker.run((api) => api.start());
  } catch (error) {
    copy.close();
    worker.stop();
    throw new PersonSelectorError(`Could not start the person selector (${reason(error)}).`);
  }
  try {
    return await worker.run((api) => api.selectPerson(transfer(copy, [copy])));
  } catch (error) {
    throw new PersonSelectorError(
      `The person selector could not read this picture (${reason(error)}).`,
    );
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
