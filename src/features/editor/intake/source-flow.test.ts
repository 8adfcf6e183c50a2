/**
 * The source flow with a fake image worker (it reads the PNG's size from its header, renders
 * nothing but the geometry asked for and encodes a stand-in PNG, which can be held back,
 * refused or shrunk), a Skia canvas for masks, and its own
 * session store: every path from a file to a prepared image, no DOM, no worker.
 */
import sharp from 'sharp';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { ModelId } from '../../../api/model-types.ts';
import { initialSession, type SessionState } from '../stores/session-store.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';
import { shrink, type SourceGeometry } from '../../../lib/image-geometry.ts';
import type { EncodedUpload, OpenedImage, RenderedSource } from './image-task-handlers.ts';
import { SourceFlow, type SourceFlowDeps } from './source-flow.ts';

const png = async (width: number, height: number) =>
  new Blob(
    [
      new Uint8Array(
        await sharp({ create: { width, height, channels: 4, background: '#3a7' } })
          .png()
          .toBuffer(),
      ),
    ],
    { type: 'image/png' },
  );

/** Stands in for an ImageBitmap: the flow only ever closes it. */
function bitmap(): ImageBitmap & { closed: boolean } {
  return {
    width: 0,
    height: 0,
    closed: false,
    close() {
      this.closed = true;
    },
  };
}

/** A worker double: decodes sizes from the PNG header; each open and encode can be held back. */
function fakeTasks() {
  const closed: string[] = [];
  const prepared: SourceGeometry[] = [];
  const holds: (() => void)[] = [];
  let holding = false;
  const encodes = { holds: [] as (() => void)[], holding: false, fail: false, shrinkBy: 1 };
  const tasks: SourceFlowDeps['tasks'] = {
    async open(_key, blob): Promise<OpenedImage> {
      if (holding) await new Promise<void>((resolve) => holds.push(resolve));
      const header = new DataView(await blob.slice(0, 24).arrayBuffer());
      if (blob.type !== 'image/png') throw new Error('not decodable');
      const width = header.getUint32(16);
      const height = header.getUint32(20);
      return {
        width,
        height,
        naturalWidth: width,
        naturalHeight: height,
        hasAlpha: true,
      };
    },
    async render(_key, geometry): Promise<RenderedSource> {
      prepared.push(geometry);
      return { bitmap: bitmap() };
    },
    async encodeUpload(_key, geometry): Promise<EncodedUpload> {
      if (encodes.holding) await new Promise<void>((resolve) => encodes.holds.push(resolve));
      if (encodes.fail) throw new Error('the canvas could not be encoded');
      const png = new Blob(['png'.repeat(1000)]);
      if (encodes.shrinkBy === 1) return { png, geometry };
      return { png, geometry: shrink(geometry, encodes.shrinkBy), shrunkFrom: geometry };
    },
    async close(key) {
      closed.push(key);
    },
  };
  return {
    tasks,
    closed,
    prepared,
    encodes,
    /** Resolves once an encode is waiting. */
    encodeWaiting: () => vi.waitFor(() => expect(encodes.holds.length).toBeGreaterThan(0)),
    releaseEncode: () => {
      encodes.holding = false;
      encodes.holds.splice(0).forEach((resolve) => resolve());
    },
    hold: () => (holding = true),
    waiting: () => holds.length,
    release: () => {
      holding = false;
      holds.splice(0).forEach((resolve) => resolve());
    },
  };
}

const sessionStore = () => create<SessionState>(() => initialSession);
let session: ReturnType<typeof sessionStore>;
let worker: ReturnType<typeof fakeTasks>;
let flow: SourceFlow;
/** The edit draft's model, which the flow reads (the studio's lives in the draft store). */
let model: ModelId;
/** Whether the editor is in Extend canvas (the studio's mode lives in the edit results store). */
let extending = false;
const state = () => session.getState();

function start(startModel: ModelId) {
  model = startModel;
  session = sessionStore();
  worker = fakeTasks();
  extending = false;
  flow = new SourceFlow({
    session,
    tasks: worker.tasks,
    canvas: nodeCanvas,
    model: () => model,
    extending: () => extending,
  });
}

async function switchModel(next: ModelId) {
  model = next;
  await flow.modelChanged();
}

beforeEach(() => start('gpt-image-1.5'));

describe('source flow', () => {
  it('opens an image and prepares it whole, with a mask of the prepared size', async () => {
    expect(await flow.open(await png(300, 200), { name: 'kite.png' })).toBe(true);
    expect(state()).toMatchObject({ status: 'ready', intakeError: null });
    expect(state().source).toMatchObject({ name: 'kite.png', width: 300, height: 200 });
    expect(state().prepared?.geometry).toMatchObject({ width: 300, height: 200 });
    expect(state().mask).toMatchObject({ width: 300, height: 200 });
  });

  it('refuses a file that is not an image before decoding it, keeping what was open', async () => {
    await flow.open(await png(64, 64), { name: 'first.png' });
    const before = state();
    const text = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    expect(await flow.open(text)).toBe(false);
    expect(state().intakeError).toMatch(/notes\.txt/);
    expect(state().source).toBe(before.source);
    expect(state().mask).toBe(before.mask);
  });

  it('an image the worker cannot decode is refused with its name; the editor stays as it was', async () => {
    const broken = new File([await png(10, 10)], 'broken.png', { type: 'image/x-broken' });
    expect(await flow.open(broken)).toBe(false);
    expect(state()).toMatchObject({ status: 'empty', source: null });
    expect(state().intakeError).toMatch(/broken\.png/);
  });

  it('a square-only model stops a non-square image at the crop step; "pad" prepares a square', async () => {
    start('dall-e-2');
    await flow.open(await png(300, 200));
    expect(state().status).toBe('cropping');
    expect(worker.prepared).toEqual([]);
    await flow.chooseSquare({ kind: 'pad' });
    expect(state().status).toBe('ready');
    const { width, height } = state().prepared!.geometry;
    expect(width).toBe(height);
    expect(state().prepared?.square).toBe(true);
  });

  it('Extend canvas takes a non-square image whole for a square-only model (its frames are square); Paint asks for the square again', async () => {
    start('dall-e-2');
    extending = true;
    await flow.open(await png(300, 200));
    expect(state().status).toBe('ready');
    expect(state().prepared?.geometry).toMatchObject({ width: 300, height: 200 });
    expect(state().prepared?.square).toBe(false);
    extending = false;
    await flow.modelChanged();
    expect(state().status).toBe('cropping');
    await flow.chooseSquare({ kind: 'pad' });
    expect(state().prepared?.square).toBe(true);
    // Back in Extend canvas, the whole picture again (the crop is kept for Paint).
    extending = true;
    await flow.modelChanged();
    expect(state().prepared?.geometry).toMatchObject({ width: 300, height: 200 });
    expect(state().squareChoice).toEqual({ kind: 'pad' });
  });

  it('a newer image wins over one still decoding, whose worker copy is let go', async () => {
    worker.hold();
    const first = flow.open(await png(100, 100), { name: 'first.png' });
    const second = flow.open(await png(120, 80), { name: 'second.png' });
    await vi.waitFor(() => expect(worker.waiting()).toBe(2));
    worker.release();
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(state().source?.name).toBe('second.png');
    expect(worker.closed).toHaveLength(1);
  });

  it('cancelling the crop step of a new image brings back the previous one, mask and all', async () => {
    start('dall-e-2');
    await flow.open(await png(100, 100), { name: 'square.png' });
    const shown = state();
    await flow.open(await png(300, 200), { name: 'wide.png' });
    expect(state().status).toBe('cropping');
    flow.cancelSquare();
    expect(state()).toMatchObject({ status: 'ready', source: shown.source, mask: shown.mask });
    expect(worker.closed).toHaveLength(1);
  });

  it('cancelling the crop step of the only image empties the editor', async () => {
    start('dall-e-2');
    await flow.open(await png(300, 200));
    flow.cancelSquare();
    expect(state()).toMatchObject({ status: 'empty', source: null });
  });

  it('switching to a square-only model asks for a square; switching back prepares it whole', async () => {
    await flow.open(await png(300, 200));
    await switchModel('dall-e-2');
    expect(state().status).toBe('cropping');
    await flow.chooseSquare({ kind: 'pad' });
    expect(state().prepared?.square).toBe(true);
    await switchModel('gpt-image-1.5');
    expect(state().status).toBe('ready');
    expect(state().prepared?.geometry).toMatchObject({ width: 300, height: 200 });
  });

  it('re-cropping keeps the painted mask, carried onto the new framing', async () => {
    start('dall-e-2');
    await flow.open(await png(300, 200));
    await flow.chooseSquare({ kind: 'pad' });
    state().mask!.fillRect({ x: 0, y: 0, width: 300, height: 300 }, 'paint');
    flow.reopenSquareStep();
    expect(state().status).toBe('cropping');
    await flow.chooseSquare({ kind: 'crop', crop: { x: 50, y: 0, side: 200 } });
    const mask = state().mask!;
    expect(mask.readAlpha({ x: 100, y: 100, width: 1, height: 1 })[0]).toBe(255);
  });
  it('paint a crop cut off comes back when the picture is framed whole again; changes made on the crop win', async () => {
    await flow.open(await png(300, 200));
    state().mask!.fillRect({ x: 0, y: 0, width: 40, height: 200 }, 'paint'); // left of the crop
    state().mask!.fillRect({ x: 140, y: 90, width: 20, height: 20 }, 'paint'); // inside it
    await switchModel('dall-e-2');
    await flow.chooseSquare({ kind: 'crop', crop: { x: 50, y: 0, side: 200 } });
    // On the square (50 px in): the middle patch erased, a corner painted.
    state().mask!.fillRect({ x: 90, y: 90, width: 20, height: 20 }, 'erase');
    state().mask!.fillRect({ x: 0, y: 0, width: 10, height: 10 }, 'paint');
    await switchModel('gpt-image-1.5');
    expect(state().prepared?.geometry).toMatchObject({ width: 300, height: 200 });
    const at = (x: number, y: number) => state().mask!.readAlpha({ x, y, width: 1, height: 1 })[0];
    expect([at(20, 100), at(150, 100), at(55, 5), at(200, 150)]).toEqual([255, 0, 255, 0]);
  });

  it('asks before a new image discards a painted mask; No keeps image and mask', async () => {
    const confirm = vi.fn(async () => false);
    flow = new SourceFlow({
      session,
      tasks: worker.tasks,
      canvas: nodeCanvas,
      model: () => model,
      confirmDiscardMask: confirm,
    });
    await flow.open(await png(300, 200), { name: 'first.png' });
    expect(await flow.open(await png(64, 64), { name: 'unpainted.png' })).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
    const before = state();
    before.mask!.fillRect({ x: 0, y: 0, width: 10, height: 10 }, 'paint');
    expect(await flow.open(await png(80, 80), { name: 'second.png' })).toBe(false);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(state().source).toBe(before.source);
    expect(state().mask).toBe(before.mask);
    // A result sent back keeps the painting, so there is nothing to ask.
    expect(await flow.continueFromResult(await png(64, 64), { name: 'result.png' })).toBe(true);
    expect(confirm).toHaveBeenCalledTimes(1);
    confirm.mockResolvedValue(true);
    expect(await flow.open(await png(80, 80), { name: 'second.png' })).toBe(true);
    expect(state().source?.name).toBe('second.png');
  });
  it('shows the picture and its mask before the upload PNG is made; the edit waits for it', async () => {
    worker.encodes.holding = true;
    const opening = flow.open(await png(300, 200), { name: 'kite.png' });
    await worker.encodeWaiting();
    expect(state().status).toBe('ready');
    expect(state().prepared).toMatchObject({ png: null, geometry: { width: 300, height: 200 } });
    expect(state().mask).toMatchObject({ width: 300, height: 200 });
    expect(state().notes.at(-1)).toBe('Uploads as a PNG of 300×200 (being prepared…).');
    // The open is done once the picture is shown: what follows it is not held up.
    expect(await opening).toBe(true);
    const shownMask = state().mask!;
    shownMask.fillRect({ x: 0, y: 0, width: 20, height: 20 }, 'paint');
    worker.releaseEncode();
    await vi.waitFor(() => expect(state().prepared?.png).toBeInstanceOf(Blob));
    expect(state().notes.at(-1)).toBe('Uploads as a PNG of 300×200 (3 KB).');
    // The same picture and the same mask: what was painted meanwhile stays.
    expect(state().mask).toBe(shownMask);
    expect(worker.prepared).toHaveLength(1);
  });

  it('a PNG over the byte limit shrinks the picture, carrying what was painted meanwhile', async () => {
    worker.encodes.holding = true;
    worker.encodes.shrinkBy = 0.5;
    const opening = flow.open(await png(300, 200));
    await worker.encodeWaiting();
    state().mask!.fillRect({ x: 150, y: 0, width: 150, height: 200 }, 'paint');
    worker.releaseEncode();
    await opening;
    await vi.waitFor(() => expect(state().prepared?.png).toBeInstanceOf(Blob));
    expect(state().prepared?.geometry).toMatchObject({ width: 150, height: 100 });
    const mask = state().mask!;
    expect(mask).toMatchObject({ width: 150, height: 100 });
    expect(mask.readAlpha({ x: 120, y: 50, width: 1, height: 1 })[0]).toBe(255);
    expect(mask.readAlpha({ x: 30, y: 50, width: 1, height: 1 })[0]).toBe(0);
    expect(state().notes).toContain('Scaled down to 150×100 so the upload stays under 50 MB.');
  });

  it('a PNG that cannot be made keeps the picture on the stage and says to open it again', async () => {
    worker.encodes.fail = true;
    expect(await flow.open(await png(300, 200), { name: 'kite.png' })).toBe(true);
    expect(state().status).toBe('ready');
    await vi.waitFor(() =>
      expect(state().prepared?.pngError).toMatch(/kite\.png.*could not be encoded/),
    );
    expect(state().prepared?.png).toBeNull();
    expect(state().intakeError).toBe(state().prepared?.pngError);
  });

  it('an image opened while the previous one is encoded wins; the older PNG is dropped', async () => {
    worker.encodes.holding = true;
    const first = flow.open(await png(100, 100), { name: 'first.png' });
    await worker.encodeWaiting();
    worker.encodes.holding = false;
    expect(await flow.open(await png(120, 80), { name: 'second.png' })).toBe(true);
    await vi.waitFor(() => expect(state().prepared?.png).toBeInstanceOf(Blob));
    const second = state().prepared;
    worker.releaseEncode();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(state().source?.name).toBe('second.png');
    expect(state().prepared).toBe(second);
  });
});
