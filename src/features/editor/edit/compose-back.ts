/**
 * A returned edit composed back onto the original before it is saved. The compose worker
 * can stop (out of memory on a large picture) and the next call starts a fresh one, so a
 * stopped worker is asked once more. If the compose still fails, the result is kept as the
 * provider returned it, with why: it was paid for and is never dropped, and Compare can
 * compose it again.
 */
import type { Registration } from '../../../lib/compose/registration.ts';
import { sessionLost } from '../compose/compose-client.ts';

export interface Composed {
  png: Blob;
  registration: Registration;
}

export type ComposedBack = ({ ok: true } & Composed) | { ok: false; problem: string };

/** Tries a stopped worker twice (the second call gets a fresh worker). */
const ATTEMPTS = 2;

export async function composeBack(compose: () => Promise<Composed>): Promise<ComposedBack> {
  let failure: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return { ok: true, ...(await compose()) };
    } catch (error) {
      failure = error;
      if (!sessionLost(error)) break;
    }
  }
  const reason = (failure instanceof Error ? failure.message : String(failure)).replace(/\.$/, '');
  return {
    ok: false,
    problem:
      `Easel could not blend this result into your original: ${reason}. It is kept as the ` +
      'model returned it; choose Hard or Soft to try again.',
  };
}
