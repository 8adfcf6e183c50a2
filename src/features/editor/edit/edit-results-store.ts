/**
 * The edits of this session, newest first (the gallery keeps them for good): what was sent
 * (the source PNG, the painted area and the mask sent), and what came back, raw and
 * composed back onto the original. UI state for the compare view: which result, paint or
 * compare.
 */
import { create } from 'zustand';
import type { ComposeMode, ComposeSettings } from '../../../lib/compose/compose-settings.ts';
import type { Registration } from '../../../lib/compose/registration.ts';
import type { JobCostText } from '../../jobs/job-cost.ts';

export type EditorMode = 'paint' | 'extend' | 'compare';

export interface EditResult {
  /** What the provider returned. */
  raw: Blob;
  /** The raw result composed onto the original with `settings` (null: shown raw). */
  composed: Blob | null;
  /** The settings that made `composed`, and the ones to start from when adjusting. */
  settings: ComposeSettings | null;
  /** What the registration check found when `composed` was made. */
  registration?: Registration;
  /** Why the result is shown as returned though it was to be composed (the compose failed). */
  composeProblem?: string;
  /** The gallery entry holding the version that was saved, once saved. */
  entryId?: string;
}

export interface EditBatch {
  /** The job id (the generate feature's job runner). */
  id: string;
  /** The editor source (its key) the edit was made from: the strip shows only the current one's. */
  sourceKey: string | null;
  prompt: string;
  model: string;
  /** The image exactly as uploaded, and its size. */
  original: Blob;
  width: number;
  height: number;
  /** The mask sent (the painted area, grown for compose), or null when nothing was painted. */
  mask: Blob | null;
  /** The painted area before grow (API mask convention), for composing. */
  painted: Blob | null;
  /** Whether the model treats the mask as guidance only (GPT image models): compose-back applies. */
  maskIsGuidance: boolean;
  results: EditResult[];
  /** What the edit cost, as its job said it: kept with the batch, which outlives the job. */
  cost?: JobCostText;
}

interface EditResultsState {
  batches: EditBatch[];
  /** The key of the image in the editor now; a new image replaces Compare and the strip. */
  sourceKey: string | null;
  selected: { batchId: string; index: number } | null;
  /** "Keep unpainted pixels" for the next edit. */
  keepUnpainted: boolean;
  /** How the next edit's results are composed (the last mode chosen in the compare view). */
  composeMode: Exclude<ComposeMode, 'raw'>;
  /** Paint the mask, lay out Extend canvas, or compare a result. */
  mode: EditorMode;
  /** The edit job being run or last run (its status and errors show in the editor). */
  currentJobId: string | null;
  /** Why "Apply edit" could not start (nothing painted for dall-e-2, mask export failed…). */
  applyError: string | null;
  /**
   * `show` (default true) selects the new result and switches to the compare view, unless
   * another image has been brought into the editor since the edit was sent.
   */
  addBatch: (batch: EditBatch, show?: boolean) => void;
  /** Another image is in the editor: Compare closes, the strip shows that image's results. */
  sourceChanged: (key: string | null) => void;
  select: (batchId: string, index: number) => void;
  patchResult: (batchId: string, index: number, patch: Partial<EditResult>) => void;
  setComposeMode: (mode: Exclude<ComposeMode, 'raw'>) => void;
  setKeepUnpainted: (on: boolean) => void;
  setMode: (mode: EditorMode) => void;
}

/** Older batches than this are only in the gallery (their blobs are released here). */
const KEEP_BATCHES = 8;

export const useEditResultsStore = create<EditResultsState>((set) => ({
  batches: [],
  sourceKey: null,
  selected: null,
  keepUnpainted: true,
  composeMode: 'soft',
  mode: 'paint',
  currentJobId: null,
  applyError: null,
  addBatch: (batch, show = true) =>
    set((s) => {
      const shown = show && batch.results.length > 0 && batch.sourceKey === s.sourceKey;
      return {
        batches: [batch, ...s.batches].slice(0, KEEP_BATCHES),
        selected: shown ? { batchId: batch.id, index: 0 } : s.selected,
        mode: shown ? 'compare' : s.mode,
      };
    }),
  sourceChanged: (sourceKey) =>
    set((s) =>
      s.sourceKey === sourceKey
        ? {}
        : { sourceKey, selected: null, mode: s.mode === 'compare' ? 'paint' : s.mode },
    ),
  select: (batchId, index) => set({ selected: { batchId, index }, mode: 'compare' }),
  patchResult: (batchId, index, patch) =>
    set((s) => ({
      batches: s.batches.map((b) =>
        b.id === batchId
          ? { ...b, results: b.results.map((r, i) => (i === index ? { ...r, ...patch } : r)) }
          : b,
      ),
    })),
  setComposeMode: (composeMode) => set({ composeMode }),
  setKeepUnpainted: (keepUnpainted) => set({ keepUnpainted }),
  setMode: (mode) => set({ mode }),
}));

/** The session's results of the image in the editor now, newest first. */
export function currentBatches(s: Pick<EditResultsState, 'batches' | 'sourceKey'>): EditBatch[] {
  return s.batches.filter((b) => b.sourceKey === s.sourceKey);
}

/** The blob a result shows, is stored as, and is continued or downloaded from. */
export function shownBlob(result: EditResult): Blob {
  return result.composed ?? result.raw;
}
