/**
 * What the engine's JavaScript holds, for a parent process that spawned it with an IPC channel
 * (the tests' and benchmarks' startEngine): it sends 'held-memory?' and gets a HeldMemory back.
 * Nothing outside that parent can ask, so this adds no route and no signal to the engine.
 *
 * Why not RSS alone: a leak of what clients send (bodies, pixels in Buffers) shows here at once,
 * while RSS also carries the C allocator's free-but-kept memory (sharp's threads each fragment
 * their own arena), which here varies from run to run by more than a small leak.
 */
export interface HeldMemory {
  /** Whether a full collection ran first (node started with --expose-gc); if not, garbage counts. */
  collected: boolean;
  /** V8's heap in use, and memory outside it that JavaScript objects hold (Buffers among it). */
  heapUsed: number;
  external: number;
}

export function readHeldMemory(): HeldMemory {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: a Buffer found dead by one collection gives its memory back only after it, so the
  // external figure reads true after a second (11-46 MB after one here, 11-13 after two).
  gc?.();
  gc?.();
  const { heapUsed, external } = process.memoryUsage();
  return { collected: gc !== undefined, heapUsed, external };
}

export function answerParentAboutMemory(): void {
  if (!process.send) return;
  process.on('message', (message) => {
    if (message === 'held-memory?') process.send?.({ heldMemory: readHeldMemory() });
  });
}
