/** What Easel did to an image on its way into the editor, said plainly (pure, unit-tested). */
import { formatBytes } from '../../../lib/image-intake-check.ts';
import type { SourceGeometry } from '../../../lib/image-geometry.ts';
import type { SquareChoice } from '../stores/session-store.ts';

export interface NoteFacts {
  modelLabel: string;
  /** An animated file: only its first frame is edited. */
  animated?: boolean;
  natural: { width: number; height: number };
  /** The decoded working original (smaller than natural when the editor scaled it). */
  working: { width: number; height: number };
  workingMaxEdge: number;
  square: boolean;
  squareChoice: SquareChoice | null;
  /** What was asked for, and what fitted the byte limit. */
  requested: SourceGeometry;
  final: SourceGeometry;
  /** Null while the PNG is being encoded. */
  pngBytes: number | null;
  maxBytes: number;
}

const dims = (s: { width: number; height: number }) => `${s.width}×${s.height}`;

export function sourceNotes(f: NoteFacts): string[] {
  const notes: string[] = [];
  if (f.animated) notes.push('Animated image: Easel edits its first frame.');
  if (f.working.width !== f.natural.width) {
    notes.push(
      `Scaled from ${dims(f.natural)} to ${dims(f.working)}: the editor works with images up to ${f.workingMaxEdge} px.`,
    );
  }
  // requested.scale is working pixels per uploaded pixel: above 1 means scaled down.
  const scaled = Math.abs(f.requested.scale - 1) > 1e-9;
  if (f.square && f.squareChoice?.kind === 'crop') {
    const side = f.squareChoice.crop.side;
    notes.push(
      `Cropped to a ${side}×${side} square${scaled ? ` and scaled to ${dims(f.requested)}` : ''} for ${f.modelLabel}, which takes square images only.`,
    );
  } else if (f.square && f.squareChoice?.kind === 'pad') {
    notes.push(
      `Padded to a square with transparent edges${scaled ? ` and scaled to ${dims(f.requested)}` : ''} for ${f.modelLabel}, which takes square images only.`,
    );
  } else if (scaled) {
    notes.push(`Scaled to ${dims(f.requested)} for ${f.modelLabel}.`);
  }
  if (f.final.width !== f.requested.width) {
    notes.push(
      `Scaled down to ${dims(f.final)} so the upload stays under ${formatBytes(f.maxBytes)}.`,
    );
  }
  const bytes = f.pngBytes === null ? 'being prepared…' : formatBytes(f.pngBytes);
  notes.push(`Uploads as ${f.square ? 'an RGBA PNG' : 'a PNG'} of ${dims(f.final)} (${bytes}).`);
  return notes;
}
