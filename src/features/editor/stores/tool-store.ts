/** The painting controls (UI state, zustand): current tool, brush size, how the mask shows. */
import { create } from 'zustand';
import { recallInTab, rememberInTab } from '../../../lib/tab-memory.ts';
import { clampBrushSize, type ToolId } from '../tools/mask-tool.ts';

/** What the rectangle and the lasso do with no Alt held: fill the shape, or clear it. */
export type ShapeMode = 'fill' | 'clear';

interface ToolState {
  tool: ToolId;
  /** Brush diameter in image pixels, 1–512. */
  brushSize: number;
  /** Brush edge, 0.1–1 (1 = hard); see mask/soft-stamp.ts. */
  hardness: number;
  /** 0..1, how strongly the painted region tints the image. */
  maskOpacity: number;
  maskVisible: boolean;
  shapeMode: ShapeMode;
  /** The last thing a command did, read out by a polite live region ("Undid brush stroke"). */
  announcement: { text: string; at: number } | null;
  setTool: (tool: ToolId) => void;
  setBrushSize: (size: number) => void;
  setHardness: (hardness: number) => void;
  setMaskOpacity: (opacity: number) => void;
  setMaskVisible: (visible: boolean) => void;
  setShapeMode: (mode: ShapeMode) => void;
  announce: (text: string) => void;
}

// The brush size survives a reload of this tab, whichever command changed it.
const BRUSH_KEY = 'easel.brush-size';

function savedBrushSize(): number {
  const saved = Number(recallInTab(BRUSH_KEY));
  return saved > 0 ? clampBrushSize(saved) : 40;
}

// Remembered like the brush size.
const HARDNESS_KEY = 'easel.brush-hardness';

export function clampHardness(value: number): number {
  return Math.round(Math.min(1, Math.max(0.1, value)) * 100) / 100;
}

function savedHardness(): number {
  const saved = Number(recallInTab(HARDNESS_KEY));
  return saved > 0 ? clampHardness(saved) : 1;
}

export const useToolStore = create<ToolState>((set) => ({
  tool: 'brush',
  brushSize: savedBrushSize(),
  hardness: savedHardness(),
  maskOpacity: 0.5,
  maskVisible: true,
  shapeMode: 'fill',
  announcement: null,
  setTool: (tool) => set({ tool }),
  setBrushSize: (size) => set({ brushSize: clampBrushSize(size) }),
  setHardness: (hardness) => set({ hardness: clampHardness(hardness) }),
  setMaskOpacity: (opacity) => set({ maskOpacity: Math.min(1, Math.max(0, opacity)) }),
  setMaskVisible: (maskVisible) => set({ maskVisible }),
  setShapeMode: (shapeMode) => set({ shapeMode }),
  announce: (text) => set({ announcement: { text, at: Date.now() } }),
}));

useToolStore.subscribe((state, before) => {
  if (state.brushSize !== before.brushSize) rememberInTab(BRUSH_KEY, String(state.brushSize));
  if (state.hardness !== before.hardness) rememberInTab(HARDNESS_KEY, String(state.hardness));
});
