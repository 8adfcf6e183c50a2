/**
 * The worker's side of worker-api.ts: exposes an object of async functions to the page
 * through Comlink, moving any ImageBitmap in a result instead of copying it.
 */
import { expose, transfer } from 'comlink';
import { transferablesOf } from './transferables.ts';

export function exposeApi(api: Record<string, (...args: never[]) => Promise<unknown>>): void {
  const moving: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const [name, run] of Object.entries(api)) {
    moving[name] = async (...args) => {
      const value = await run(...args);
      const moved = transferablesOf(value);
      return moved.length > 0 ? transfer(value, moved) : value;
    };
  }
  expose(moving);
}
