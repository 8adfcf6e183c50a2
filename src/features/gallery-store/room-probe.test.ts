import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoomVerdict } from './room-probe-worker.ts';

/**
 * A probe started ahead of its write (while a result's bytes are checked) answers that write
 * once, if it asked for at least as much and the write comes soon; otherwise the write
 * probes for itself. The worker is a stand-in that counts the probes.
 */
const probes: number[] = [];
let verdict: RoomVerdict = 'room';
vi.mock('../../lib/worker-api.ts', () => ({
  workerApi: () => ({
    probe: async (bytes: number) => {
      probes.push(bytes);
      return verdict;
    },
  }),
}));

const load = () => import('./room-probe.ts');

beforeEach(() => {
  probes.length = 0;
  verdict = 'room';
  vi.stubGlobal('Worker', class {});
  vi.resetModules();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('probeRoomAhead', () => {
  it('answers the write that follows it: one probe, not two', async () => {
    const { probeRoomAhead, probeRoom, PROBE_MARGIN } = await load();
    probeRoomAhead(1_400_000);
    await probeRoom(1_400_000);
    expect(probes).toEqual([1_400_000 + PROBE_MARGIN]);
    // Used once: the next write probes again.
    await probeRoom(1_400_000);
    expect(probes).toHaveLength(2);
  });

  it('asked ahead twice (at the answer headers, then with its images read), probes once if the first asked enough', async () => {
    const { probeRoomAhead, probeRoom, PROBE_MARGIN } = await load();
    probeRoomAhead(1_900_000); // the answer's declared length: base64 is a third larger
    probeRoomAhead(1_400_000); // the images' exact bytes
    await probeRoom(1_400_000);
    expect(probes).toEqual([1_900_000 + PROBE_MARGIN]);
    // A first one too small (a compressed answer) is asked again, and that one answers.
    probes.length = 0;
    probeRoomAhead(1_000);
    probeRoomAhead(1_400_000);
    await probeRoom(1_400_000);
    expect(probes).toEqual([1_000 + PROBE_MARGIN, 1_400_000 + PROBE_MARGIN]);
  });

  it('refuses the write when it found no room', async () => {
    const { probeRoomAhead, probeRoom } = await load();
    verdict = 'full';
    probeRoomAhead(1_400_000);
    await expect(probeRoom(1_400_000)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(probes).toHaveLength(1);
  });

  it('does not answer a larger write, nor one that comes late', async () => {
    const { probeRoomAhead, probeRoom } = await load();
    probeRoomAhead(1_000);
    await probeRoom(2_000_000);
    expect(probes).toHaveLength(2);
    vi.useFakeTimers({ toFake: ['performance'] });
    probeRoomAhead(2_000_000);
    vi.advanceTimersByTime(5_000);
    await probeRoom(1_000);
    expect(probes).toHaveLength(4);
  });
});
