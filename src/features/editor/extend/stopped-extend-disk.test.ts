import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Rect } from '../mask/paint-canvas.ts';
import { releaseStopped, resumeStopped, stopExtend, useStoppedExtend } from './extend-resume.ts';
import { useExtendStore } from './extend-store.ts';
import { useSessionStore, type EditorSource } from '../stores/session-store.ts';
import './resume-stored-extend.ts';
import { getStoppedExtend, stoppedExtendKey } from './stopped-extend-db.ts';
import { stoppedMessage } from './stopped-words.ts';

// A 512² picture in the middle of a 2048×512 canvas, stopped after the first of its three
// 1536×512 frames (around the picture; then left, then right).
const original: Rect = { x: 768, y: 0, width: 512, height: 512 };
const frames: Rect[] = [
  { x: 256, y: 0, width: 1536, height: 512 },
  { x: 0, y: 0, width: 1536, height: 512 },
  { x: 512, y: 0, width: 1536, height: 512 },
];
const geometry = { width: 512, height: 512, originX: 0, originY: 0, scale: 1 };
const file = new Blob(['the file the designer opened']);
const made = {
  upload: { sourceKey: 'picture', geometry },
  canvas: { width: 2048, height: 512 },
  at: { x: 768, y: 0 },
  frames,
  made: [{ frame: frames[0]!, result: new Blob(['frame 1']), entryId: 'e1', cost: null }],
  before: null,
};
const from = { file, sourceId: 'source', geometry };

afterEach(() => {
  vi.restoreAllMocks();
  releaseStopped();
});

describe('an extend that stopped part-way, on disk', () => {
  it('brought back after a reload, is forgotten on disk by Start over', async () => {
    expect(await stopExtend(made, from)).toBeNull();
    const key = await stoppedExtendKey(file);
    expect(await getStoppedExtend(key)).toMatchObject({ made: [{ entryId: 'e1' }] });
    // The reload: the page has let go of it, and resume-stored-extend.ts brings it back.
    releaseStopped();
    resumeStopped({ ...made, durable: { key, sourceId: 'source', geometry } });
    useExtendStore.getState().startOver();
    expect(useStoppedExtend.getState().stopped).toBeNull();
    await vi.waitFor(async () => expect(await getStoppedExtend(key)).toBeUndefined());
  });

  it('that could not be written (the disk full) goes on in this page, and its alert says it will not after a reload', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const unkept = await stopExtend(made, from);
    expect(unkept).toBe('The quota has been exceeded.');
    expect(useStoppedExtend.getState().stopped?.made).toHaveLength(1);
    expect(stoppedMessage('Frame 2 failed.', frames, 1, original, null, unkept)).toBe(
      'Frame 2 failed. The frames made so far are kept in the gallery; the frames on the left and on the right are missing. Extend can go on from them in this page, but not after a reload: this browser could not keep them (The quota has been exceeded).',
    );
  });

  it('is looked for, as a picture opens, without reading a file of another size', async () => {
    expect(await stopExtend(made, from)).toBeNull();
    // Nearly every picture opened has no stopped extend: hashing a large photo to find that
    // out would take the cores its decode needs.
    const other = new Blob(['another picture the designer opened, of another size']);
    const read = vi.spyOn(other, 'arrayBuffer');
    useSessionStore.setState({ source: { file: other } as EditorSource });
    // The same picture opened again (a new Blob of the same file) is hashed and found.
    const again = new Blob([await file.arrayBuffer()]);
    const readAgain = vi.spyOn(again, 'arrayBuffer');
    useSessionStore.setState({ source: { file: again } as EditorSource });
    await vi.waitFor(() => expect(readAgain).toHaveBeenCalled());
    expect(read).not.toHaveBeenCalled();
  });
});
