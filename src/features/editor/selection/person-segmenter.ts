/**
 * Select person: MediaPipe's selfie segmentation model, run by MediaPipe Tasks' ImageSegmenter
 * on the CPU (wasm; WebGL only to read the picture in), inside the person worker.
 *
 * Everything it needs ships in the installed packages and is served from the studio's own
 * origin: the wasm runtime from @mediapipe/tasks-vision (Apache-2.0) and the 250 KB model from
 * @mediapipe/selfie_segmentation (Apache-2.0). Nothing is fetched from a model hub, at run
 * time or ever. tasks-vision is pinned to 0.10.35, the last release without the usage logger
 * that later releases post to a Google endpoint.
 */
import { ImageSegmenter } from '@mediapipe/tasks-vision';
import wasmLoaderUrl from '@mediapipe/tasks-vision/vision_wasm_module_internal.js?url';
import wasmBinaryUrl from '@mediapipe/tasks-vision/vision_wasm_module_internal.wasm?url';
import modelUrl from '@mediapipe/selfie_segmentation/selfie_segmentation.tflite?url';
import type { Rect } from '../mask/paint-canvas.ts';
import { SELECTED } from './magic-wand.ts';
import { withImageNormalization } from './tflite-metadata.ts';

/** A pixel belongs to the person when the model is at least this sure (0..1). */
export const PERSON_THRESHOLD = 0.5;

let segmenter: Promise<ImageSegmenter> | null = null;

/** Loads the runtime and the model once; a failed load is retried on the next call. */
export function loadSegmenter(): Promise<ImageSegmenter> {
  segmenter ??= (async () => {
    const model = await fetch(modelUrl);
    if (!model.ok) throw new Error(`the model did not load (HTTP ${model.status})`);
    return ImageSegmenter.createFromOptions(
      { wasmLoaderPath: wasmLoaderUrl, wasmBinaryPath: wasmBinaryUrl },
      {
        baseOptions: {
          // Trained on pixels scaled to [0, 1]: (v - 0) / 255.
          modelAssetBuffer: withImageNormalization(
            new Uint8Array(await model.arrayBuffer()),
            0,
            255,
          ),
          delegate: 'CPU',
        },
        runningMode: 'IMAGE',
        outputConfidenceMasks: true,
        outputCategoryMask: false,
      },
    );
  })();
  segmenter.catch(() => (segmenter = null));
  return segmenter;
}

export interface PersonCells {
  /** SELECTED where the person is, 0 elsewhere, at the picture's size. */
  cells: Uint8Array;
  bounds: Rect | null;
  count: number;
}

/** Where the person is in `picture`, at its own size. */
export async function segmentPerson(picture: ImageBitmap): Promise<PersonCells> {
  const model = await loadSegmenter();
  const { width, height } = picture;
  let confidence: Float32Array | null = null;
  let maskSize = { width: 0, height: 0 };
  // IMAGE mode calls back at once; the mask lives only inside the callback.
  model.segment(picture, (result) => {
    const mask = result.confidenceMasks?.[0];
    if (!mask) return;
    maskSize = { width: mask.width, height: mask.height };
    confidence = mask.getAsFloat32Array().slice();
  });
  if (!confidence) throw new Error('the model gave no answer for this picture');
  if (maskSize.width !== width || maskSize.height !== height) {
    throw new Error(
      `the model answered at ${maskSize.width}x${maskSize.height}, not ${width}x${height}`,
    );
  }
  return thresholdCells(confidence, width, height);
}

function thresholdCells(confidence: Float32Array, width: number, height: number): PersonCells {
  const cells = new Uint8Array(width * height);
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (confidence[i]! < PERSON_THRESHOLD) continue;
      cells[i] = SELECTED;
      count++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      maxY = y;
    }
  }
  const bounds = count
    ? { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 }
    : null;
  return { cells, bounds, count };
}
