import { describe, expect, it, vi } from 'vitest';
import { ComposeWorkerStopped } from '../compose/compose-client.ts';
import { composeBack, type Composed } from './compose-back.ts';

const composed: Composed = {
  png: new Blob(['png']),
  registration: { kind: 'aligned', dx: 0, dy: 0, score: 1 },
};

describe('composeBack', () => {
  it('returns the composite when the worker composes it', async () => {
    const compose = vi.fn(async () => composed);
    expect(await composeBack(compose)).toEqual({ ok: true, ...composed });
    expect(compose).toHaveBeenCalledTimes(1);
  });

  it('asks a fresh worker once when the worker stopped', async () => {
    const compose = vi
      .fn<() => Promise<Composed>>()
      .mockRejectedValueOnce(new ComposeWorkerStopped('out of memory'))
      .mockResolvedValueOnce(composed);
    expect(await composeBack(compose)).toEqual({ ok: true, ...composed });
    expect(compose).toHaveBeenCalledTimes(2);
  });

  it('keeps the result as returned, saying why, when the worker stops twice', async () => {
    const compose = vi.fn(async (): Promise<Composed> => {
      throw new ComposeWorkerStopped('out of memory');
    });
    const back = await composeBack(compose);
    expect(compose).toHaveBeenCalledTimes(2);
    expect(back.ok).toBe(false);
    expect(!back.ok && back.problem).toContain('The compose worker stopped (out of memory)');
    expect(!back.ok && back.problem).toContain('kept as the model returned it');
  });

  it('does not ask again when the compose itself fails (a fresh worker would fail alike)', async () => {
    const compose = vi.fn(async (): Promise<Composed> => {
      throw new Error('The result could not be decoded');
    });
    const back = await composeBack(compose);
    expect(compose).toHaveBeenCalledTimes(1);
    expect(!back.ok && back.problem).toContain('could not be decoded');
  });
});
