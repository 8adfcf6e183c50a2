/**
 * Gives MediaPipe's selfie segmentation model the metadata MediaPipe Tasks asks for.
 *
 * The model in @mediapipe/selfie_segmentation was made for MediaPipe's older "solutions"
 * runtime, whose graph scaled pixels to [0, 1] itself; the Tasks ImageSegmenter instead reads
 * that from the model's TFLite metadata ("Input tensor has type float32: it requires
 * specifying NormalizationOptions metadata"). This adds exactly that metadata — RGB input,
 * (value - 0) / 255 — and changes nothing else: the weights and graph are the package's bytes.
 *
 * How, without a TFLite schema compiler: the original model is copied whole to the end of a
 * new flatbuffer, and a new root Model table at the front points forward into it for every
 * field (flatbuffer offsets point forward), with the buffer and metadata lists extended by one
 * entry each: a buffer holding the metadata and the "TFLITE_METADATA" entry naming it.
 * Schemas: tensorflow/lite/schema/schema.fbs (Model, Buffer, Metadata) and
 * tensorflow_lite_support/metadata/metadata_schema.fbs (ModelMetadata, "M001").
 */
import { Builder, ByteBuffer } from 'flatbuffers';

/** Model table fields, in schema order. */
const MODEL = {
  version: 0,
  operatorCodes: 1,
  subgraphs: 2,
  description: 3,
  buffers: 4,
  metadataBuffer: 5,
  metadata: 6,
  signatureDefs: 7,
} as const;

export const METADATA_NAME = 'TFLITE_METADATA';

/** The model with normalization metadata for an RGB float input scaled as (v - mean) / std. */
export function withImageNormalization(model: Uint8Array, mean: number, std: number): Uint8Array {
  const old = new ByteBuffer(model);
  if (old.__has_identifier('TFL3') === false) throw new Error('This is not a TFLite model');
  const root = old.readUint32(0);
  const b = new Builder(model.length + 1024);

  // The original bytes, last in the file, 16-aligned as its buffers need (force_align: 16).
  b.startVector(1, model.length, 16);
  for (let i = model.length - 1; i >= 0; i--) b.addInt8(model[i]!);
  const copyStart = b.endVector() - 4; // the builder counts from the end; data follows length
  /** Where an absolute position of the original lands, in the builder's terms. */
  const moved = (position: number) => copyStart - position;
  const field = (table: number, id: number) => old.__offset(table, 4 + 2 * id);
  const target = (table: number, id: number) => {
    const at = field(table, id);
    return at ? moved(old.__indirect(table + at)) : 0;
  };
  const elements = (table: number, id: number): number[] => {
    const at = field(table, id);
    if (!at) return [];
    const start = old.__vector(table + at);
    const length = old.__vector_len(table + at);
    return Array.from({ length }, (_, i) => moved(old.__indirect(start + 4 * i)));
  };

  const metadataBytes = modelMetadata(mean, std);
  b.startVector(1, metadataBytes.length, 16);
  for (let i = metadataBytes.length - 1; i >= 0; i--) b.addInt8(metadataBytes[i]!);
  const data = b.endVector();
  b.startObject(3);
  b.addFieldOffset(0, data, 0);
  const buffer = b.endObject();
  const buffers = [...elements(root, MODEL.buffers), buffer];

  const name = b.createString(METADATA_NAME);
  b.startObject(2);
  b.addFieldOffset(0, name, 0);
  b.addFieldInt32(1, buffers.length - 1, 0);
  const entry = b.endObject();
  const metadata = [...elements(root, MODEL.metadata), entry];

  const buffersVector = offsetVector(b, buffers);
  const metadataVector = offsetVector(b, metadata);
  b.startObject(8);
  const version = field(root, MODEL.version);
  b.addFieldInt32(MODEL.version, version ? old.readUint32(root + version) : 0, 0);
  for (const id of [MODEL.operatorCodes, MODEL.subgraphs, MODEL.description, MODEL.signatureDefs])
    b.addFieldOffset(id, target(root, id), 0);
  b.addFieldOffset(MODEL.metadataBuffer, target(root, MODEL.metadataBuffer), 0);
  b.addFieldOffset(MODEL.buffers, buffersVector, 0);
  b.addFieldOffset(MODEL.metadata, metadataVector, 0);
  b.finish(b.endObject(), 'TFL3');
  return b.asUint8Array();
}

/** ModelMetadata ("M001") for one RGB image input normalized as (v - mean) / std. */
function modelMetadata(mean: number, std: number): Uint8Array {
  const b = new Builder(256);
  const floats = (value: number) => {
    b.startVector(4, 1, 4);
    b.addFloat32(value);
    return b.endVector();
  };
  const meanVector = floats(mean);
  const stdVector = floats(std);
  b.startObject(2); // NormalizationOptions { mean, std }
  b.addFieldOffset(0, meanVector, 0);
  b.addFieldOffset(1, stdVector, 0);
  const normalization = b.endObject();
  b.startObject(2); // ProcessUnit { options: NormalizationOptions (union type 1) }
  b.addFieldInt8(0, 1, 0);
  b.addFieldOffset(1, normalization, 0);
  const processUnits = offsetVector(b, [b.endObject()]);
  b.startObject(2); // ImageProperties { color_space: RGB }
  b.addFieldInt8(0, 1, 0);
  const image = b.endObject();
  b.startObject(3); // Content { content_properties: ImageProperties (union type 2) }
  b.addFieldInt8(0, 2, 0);
  b.addFieldOffset(1, image, 0);
  const content = b.endObject();
  const tensorName = b.createString('image');
  b.startObject(7); // TensorMetadata { name, content, process_units }
  b.addFieldOffset(0, tensorName, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, processUnits, 0);
  const inputs = offsetVector(b, [b.endObject()]);
  b.startObject(10); // SubGraphMetadata { input_tensor_metadata }
  b.addFieldOffset(2, inputs, 0);
  const subgraphs = offsetVector(b, [b.endObject()]);
  const name = b.createString('Selfie segmentation');
  const parser = b.createString('1.0.0');
  b.startObject(8); // ModelMetadata { name, subgraph_metadata, min_parser_version }
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, parser, 0);
  b.finish(b.endObject(), 'M001');
  return b.asUint8Array();
}

function offsetVector(b: Builder, offsets: number[]): number {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]!);
  return b.endVector();
}
