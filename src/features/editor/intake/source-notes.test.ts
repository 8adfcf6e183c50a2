import { describe, expect, it } from 'vitest';
import { cropToSquare, shrink, wholeImage } from '../../../lib/image-geometry.ts';
import { sourceNotes } from './source-notes.ts';

const MB = 1024 * 1024;

describe('what Easel tells the designer it did', () => {
  it('a large non-square photo cropped for DALL·E 2, then shrunk to fit 4 MB', () => {
    const requested = cropToSquare({ x: 200, y: 0, side: 3000 }, 1024);
    const notes = sourceNotes({
      modelLabel: 'DALL·E 2',
      natural: { width: 8000, height: 6000 },
      working: { width: 4096, height: 3072 },
      workingMaxEdge: 4096,
      square: true,
      squareChoice: { kind: 'crop', crop: { x: 200, y: 0, side: 3000 } },
      requested,
      final: shrink(requested, 0.85),
      pngBytes: 3.6 * MB,
      maxBytes: 4 * MB,
    });
    expect(notes).toEqual([
      'Scaled from 8000×6000 to 4096×3072: the editor works with images up to 4096 px.',
      'Cropped to a 3000×3000 square and scaled to 1024×1024 for DALL·E 2, which takes square images only.',
      'Scaled down to 870×870 so the upload stays under 4.0 MB.',
      'Uploads as an RGBA PNG of 870×870 (3.6 MB).',
    ]);
  });

  it('a small image for a GPT model: only how it uploads', () => {
    const g = wholeImage(640, 480, 4096);
    expect(
      sourceNotes({
        modelLabel: 'GPT Image 1.5',
        natural: { width: 640, height: 480 },
        working: { width: 640, height: 480 },
        workingMaxEdge: 4096,
        square: false,
        squareChoice: null,
        requested: g,
        final: g,
        pngBytes: 300 * 1024,
        maxBytes: 50 * MB,
      }),
    ).toEqual(['Uploads as a PNG of 640×480 (300 KB).']);
  });

  it('an animated file says only its first frame is edited', () => {
    const g = wholeImage(256, 256, 4096);
    expect(
      sourceNotes({
        modelLabel: 'GPT Image 1.5',
        animated: true,
        natural: { width: 256, height: 256 },
        working: { width: 256, height: 256 },
        workingMaxEdge: 4096,
        square: false,
        squareChoice: null,
        requested: g,
        final: g,
        pngBytes: 2 * 1024,
        maxBytes: 50 * MB,
      }),
    ).toEqual([
      'Animated image: Easel edits its first frame.',
      'Uploads as a PNG of 256×256 (2 KB).',
    ]);
  });
});
