import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { ByteBuffer } from 'flatbuffers';
import { describe, expect, it } from 'vitest';
import { METADATA_NAME, withImageNormalization } from './tflite-metadata.ts';

const require = createRequire(import.meta.url);
const modelPath = require.resolve('@mediapipe/selfie_segmentation/selfie_segmentation.tflite');

/** A flatbuffer table reader, enough to walk Model, Buffer and Metadata. */
function reader(bytes: Uint8Array) {
  const bb = new ByteBuffer(bytes);
  const field = (table: number, id: number) => bb.__offset(table, 4 + 2 * id);
  const table = (at: number, id: number) => bb.__indirect(at + field(at, id));
  const tables = (at: number, id: number) => {
    const f = field(at, id);
    if (!f) return [];
    const start = bb.__vector(at + f);
    return Array.from({ length: bb.__vector_len(at + f) }, (_, i) => bb.__indirect(start + 4 * i));
  };
  const bytesOf = (at: number, id: number) => {
    const f = field(at, id);
    if (!f) return { start: -1, data: new Uint8Array() };
    const start = bb.__vector(at + f);
    return { start, data: bytes.subarray(start, start + bb.__vector_len(at + f)) };
  };
  const string = (at: number, id: number) => bb.__string(at + field(at, id)) as string;
  const root = bb.readUint32(0);
  return { bb, root, field, table, tables, bytesOf, string };
}

describe('selfie model metadata', async () => {
  const original = new Uint8Array(await readFile(modelPath));
  const patched = withImageNormalization(original, 0, 255);
  const before = reader(original);
  const after = reader(patched);

  it('keeps every buffer of the model byte for byte, 16-aligned', () => {
    const oldBuffers = before.tables(before.root, 4);
    const newBuffers = after.tables(after.root, 4);
    expect(oldBuffers.length).toBeGreaterThan(10);
    expect(newBuffers).toHaveLength(oldBuffers.length + 1);
    oldBuffers.forEach((buffer, i) => {
      const was = before.bytesOf(buffer, 0).data;
      const now = after.bytesOf(newBuffers[i]!, 0);
      expect(now.data).toEqual(was);
      if (now.data.length) expect(now.start % 16).toBe(0);
    });
  });

  it('keeps the graph: the same subgraphs, operators and version', () => {
    for (const id of [1, 2]) {
      expect(after.tables(after.root, id).length).toBe(before.tables(before.root, id).length);
    }
    const ops = (r: ReturnType<typeof reader>) => r.tables(r.tables(r.root, 2)[0]!, 3).length;
    expect(ops(after)).toBe(ops(before));
    expect(after.bb.readUint32(after.root + after.field(after.root, 0))).toBe(
      before.bb.readUint32(before.root + before.field(before.root, 0)),
    );
  });

  it('adds TFLITE_METADATA: one RGB image input normalized as (v - 0) / 255', () => {
    const entries = after.tables(after.root, 6);
    const names = entries.map((e) => after.string(e, 0));
    expect(names.slice(0, -1)).toEqual(
      before.tables(before.root, 6).map((e) => before.string(e, 0)),
    );
    expect(names.at(-1)).toBe(METADATA_NAME);
    const bufferIndex = after.bb.readUint32(entries.at(-1)! + after.field(entries.at(-1)!, 1));
    const metadata = reader(
      after.bytesOf(after.tables(after.root, 4)[bufferIndex]!, 0).data.slice(),
    );
    expect(metadata.bb.__has_identifier('M001')).toBe(true);
    const subgraph = metadata.tables(metadata.root, 3)[0]!;
    const [input] = metadata.tables(subgraph, 2);
    const content = metadata.table(input!, 3);
    expect(metadata.bb.readUint8(content + metadata.field(content, 0))).toBe(2); // ImageProperties
    const image = metadata.table(content, 1);
    expect(metadata.bb.readInt8(image + metadata.field(image, 0))).toBe(1); // RGB
    const [unit] = metadata.tables(input!, 4);
    expect(metadata.bb.readUint8(unit! + metadata.field(unit!, 0))).toBe(1); // NormalizationOptions
    const normalization = metadata.table(unit!, 1);
    const first = (id: number) =>
      metadata.bb.readFloat32(
        metadata.bb.__vector(normalization + metadata.field(normalization, id)),
      );
    expect([first(0), first(1)]).toEqual([0, 255]);
  });

  it('refuses bytes that are not a TFLite model', () => {
    expect(() => withImageNormalization(new Uint8Array(64), 0, 255)).toThrow(/not a TFLite model/);
  });
});
