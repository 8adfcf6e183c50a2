/**
 * The edits of this session, newest first (the gallery keeps them for good): what was sent
 * (the source PNG and the mask), and what came back, raw and with the unpainted pixels put
 * back. UI state for the compare view: which result, raw or composited, paint or compare.
 */
import { create } from 'zustand';

export interface EditResult {
  /** What the provider returned. */
  raw: Blob;
  /** The raw result with every unpainted pixel of the original put back (GPT image models). */
  composed: Blob | null;
  /** The gallery entry holding the version that was saved, once saved. */
  entryId?: string;
}

export interface EditBatch {
  /** The job id (the generate feature's job runner). */
  id: string;
  prompt: string;
  model: string;
  /** The image exactly as uploaded, and its size. */
  original: Blob;
  width: number;
  height: number;
  /** The mask sent, or null when the whole image was open to change. */
  mask: Blob | null;
  /** Whether the model treats the mask as guidance only (GPT image models): compose-back applies. */
  maskIsGuidance: boolean;
  /** Whether the composited versions were the ones saved to the gallery. */
  savedComposed: boolean;
  results: EditResult[];
}

interface EditResultsState {
  batches: EditBatch[];
  selected: { batchId: string; index: number } | null;
  /** Show results with unpainted pixels put back (on by default). */
  showComposed: boolean;
  /** "Keep unpainted pixels" for the next edit. */
  keepUnpainted: boolean;
  mode: 'paint' | 'compare';
  /** The edit job being run or last run (its status and errors show in the editor). */
  currentJobId: string | null;
  /** Why "Apply edit" could not start (nothing painted for dall-e-2, mask export failed…). */
  applyError: string | null;
  /** `show` (default true) selects the new result and switches to the compare view. */
  addBatch: (batch: EditBatch, show?: boolean) => void;
  patchBatch: (id: string, patch: Partial<EditBatch>) => void;
  select: (batchId: string, index: number) => void;
  setShowComposed: (on: boolean) => void;
  setKeepUnpainted: (on: boolean) => void;
  setMode: (mode: 'paint' | 'compare') => void;
}

/** Older batches than this are only in the gallery (their blobs are released here). */
const KEEP_BATCHES = 8;

export const useEditResultsStore = create<EditResultsState>((set) => ({
  batches: [],
  selected: null,
  showComposed: true,
  keepUnpainted: true,
  mode: 'paint',
  currentJobId: null,
  applyError: null,
  addBatch: (batch, show = true) =>
    set((s) => ({
      batches: [batch, ...s.batches].slice(0, KEEP_BATCHES),
      selected: show && batch.results.length ? { batchId: batch.id, index: 0 } : s.selected,
      mode: show && batch.results.length ? 'compare' : s.mode,
    })),
  patchBatch: (id, patch) =>
    set((s) => ({ batches: s.batches.map((b) => (b.id === id ? { ...b, ...patch } : b)) })),
  select: (batchId, index) => set({ selected: { batchId, index }, mode: 'compare' }),
  setShowComposed: (showComposed) => set({ showComposed }),
  setKeepUnpainted: (keepUnpainted) => set({ keepUnpainted }),
  setMode: (mode) => set({ mode }),
}));

/** The blob a result shows (and is continued or downloaded from) under the current toggle. */
export function shownBlob(result: EditResult, showComposed: boolean): Blob {
  return showComposed && result.composed ? result.composed : result.raw;
}
