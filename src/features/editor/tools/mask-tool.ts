/**
 * Mask tools are small explicit state machines (Idle → Drawing → Idle), plain TypeScript
 * outside React, driven by pointer samples already converted to image pixels. Tests drive
 * them with synthetic samples and a real canvas, no DOM.
 */
import type { PaintMode, Point } from '../mask/mask-model.ts';
import type { Rect } from '../mask/paint-canvas.ts';

export type ToolId = 'brush' | 'eraser' | 'rectangle' | 'lasso' | 'wand';

export interface StrokeOptions {
  /** Brush diameter in image pixels. */
  brushSize: number;
  /** 0.1..1: 1 is a hard edge; below, the edge fades over radius x (1 - hardness). Default 1. */
  hardness?: number;
  /** Alt held: the rectangle, lasso and magic wand take away instead of adding. */
  subtract: boolean;
  /** Shift held: the magic wand adds to the mask instead of replacing it. */
  add?: boolean;
}

/** What the overlay draws while a shape tool is dragging (nothing is painted yet). */
export type ToolPreview =
  | { kind: 'rect'; rect: Rect; mode: PaintMode }
  | { kind: 'lasso'; points: readonly Point[]; mode: PaintMode };

export interface MaskTool {
  readonly id: ToolId;
  /** What one use of it is called, for announcements: "Brush stroke", "Rectangle". */
  readonly label: string;
  /** The pointer over the stage: the brush-size ring, or a crosshair. */
  readonly cursor: 'ring' | 'crosshair';
  /**
   * When the keyboard pen leaves the canvas mid-gesture: keep what is painted so far
   * (a stroke), or drop a shape that is not placed yet.
   */
  readonly whenInterrupted: 'keep' | 'drop';
  /** 'click': a press is the whole use (the magic wand), so Enter at the keyboard crosshair clicks. */
  readonly gesture?: 'click';
  readonly state: 'idle' | 'drawing';
  pointerDown(point: Point, options: StrokeOptions): void;
  pointerMove(points: readonly Point[]): void;
  pointerUp(): void;
  /** The gesture was interrupted (a second finger, pointercancel): undo what it did. */
  cancel(): void;
  preview(): ToolPreview | null;
}

export const BRUSH_SIZE_MIN = 1;
export const BRUSH_SIZE_MAX = 512;

export function clampBrushSize(size: number): number {
  return Math.round(Math.min(BRUSH_SIZE_MAX, Math.max(BRUSH_SIZE_MIN, size)));
}
