/**
 * The stage: the image, the mask canvas shown through ONE Konva.Image (Konva's advice for
 * free drawing; strokes are painted into the canvas, never added as nodes), and an overlay
 * for the brush ring and shape previews. The stage only scales the view; painting happens
 * in image pixels in the mask model.
 */
import type Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Circle, Group, Image as KonvaImage, Layer, Line, Rect, Stage } from 'react-konva';
import type { MaskModel, Point } from '../mask/mask-model.ts';
import type { ToolPreview } from '../tools/mask-tool.ts';
import { useStageInput, type StageDrawing } from '../hooks/use-stage-input.ts';
import { useStageViewStore } from '../stores/stage-view-store.ts';
import { useToolStore } from '../stores/tool-store.ts';
import { MASK_CANVAS_ID } from '../stores/keyboard-pen-store.ts';
import { KEYBOARD_PEN_HELP_ID } from './keyboard-pen-hint.tsx';
import { swatchCss } from '../mask/overlay/overlay-colour.ts';
import { shownSwatch, useOverlayStore } from '../mask/overlay/overlay-store.ts';
import { useOverlayContrast } from '../mask/overlay/use-overlay-contrast.ts';
import { useBlendPreview, useBlendPreviewStore } from '../mask/overlay/blend-preview.ts';
import { drawsViewCopy } from '../view/view-copy.ts';
import { takeLostFocus } from '../intake/focus-handoff.ts';
import { measureContentSize } from '../../../lib/use-content-size.ts';
import './editor-stage.css';

/** The crosshair's four arms in screen pixels, with a gap at the centre. */
const CROSSHAIR_ARMS = [
  [-14, 0, -4, 0],
  [4, 0, 14, 0],
  [0, -14, 0, -4],
  [0, 4, 0, 14],
];

interface EditorStageProps {
  image: ImageBitmap;
  /** A smaller copy of `image`, drawn while the zoom shows no more than it has. */
  viewCopy?: ImageBitmap;
  mask: MaskModel;
  /** The image has transparent pixels (its own, or padding): show them as a checkerboard. */
  transparent: boolean;
}

export function EditorStage({ image, viewCopy, mask, transparent }: EditorStageProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const maskLayer = useRef<Konva.Layer>(null);
  const overlayLayer = useRef<Konva.Layer>(null);
  const ring = useRef<Konva.Circle>(null);
  const ringOutline = useRef<Konva.Circle>(null);
  const previewRect = useRef<Konva.Rect>(null);
  const previewLasso = useRef<Konva.Line>(null);
  const crosshair = useRef<Konva.Group>(null);

  const view = useStageViewStore((s) => s.view);
  const viewport = useStageViewStore((s) => s.viewport);
  const maskOpacity = useToolStore((s) => s.maskOpacity);
  const maskVisible = useToolStore((s) => s.maskVisible);
  const swatchShown = useOverlayStore(shownSwatch);
  const overlay = swatchCss(swatchShown);
  const shapeFill = swatchCss(swatchShown, 0.3);
  // Auto's colour looks at a 96 px copy: the view copy is as good a source, and 16 times smaller.
  useOverlayContrast(viewCopy ?? image, mask);
  useBlendPreview(mask);
  const band = useBlendPreviewStore((s) => s.band);

  // Follow the container's size; refit when a new image arrives. Both before the first paint:
  // the observer's first answer comes a frame late, and a picture fitted to no area until then
  // is painted as a speck in the corner for that frame.
  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    useStageViewStore.getState().setViewport(measureContentSize(el));
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      useStageViewStore
        .getState()
        .setViewport({ width: Math.floor(width), height: Math.floor(height) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    // A new picture is fitted; coming back to the same one (from Compare) keeps the view.
    const { image: fitted, fit } = useStageViewStore.getState();
    if (fitted?.width !== mask.width || fitted.height !== mask.height) {
      fit({ width: mask.width, height: mask.height });
    }
  }, [mask]);
  useEffect(() => mask.subscribe(() => drawAtEndOfTask(maskLayer.current)), [mask]);
  // The button that brought the picture in is gone: its focus comes here, not to the page.
  useEffect(() => {
    if (takeLostFocus()) containerRef.current?.focus({ preventScroll: true });
  }, []);

  const output = useMemo<StageDrawing>(
    () => ({
      redrawMask: () => drawAtEndOfTask(maskLayer.current),
      drawOverlay: (cursor: Point | null, preview: ToolPreview | null, pen: Point | null) => {
        const { scale } = useStageViewStore.getState().view;
        // The keyboard pen's crosshair: arms of a constant screen size, at any zoom.
        crosshair.current?.visible(pen !== null);
        if (pen)
          crosshair.current?.setAttrs({ x: pen.x, y: pen.y, scaleX: 1 / scale, scaleY: 1 / scale });
        if (pen && ['brush', 'eraser'].includes(useToolStore.getState().tool)) cursor = pen;
        const radius = useToolStore.getState().brushSize / 2;
        for (const [node, width] of [
          [ringOutline.current, 3],
          [ring.current, 1],
        ] as const) {
          if (!node) continue;
          node.visible(cursor !== null);
          if (cursor)
            node.setAttrs({ x: cursor.x, y: cursor.y, radius, strokeWidth: width / scale });
        }
        const r = previewRect.current;
        const l = previewLasso.current;
        r?.visible(preview?.kind === 'rect');
        l?.visible(preview?.kind === 'lasso');
        if (preview?.kind === 'rect') {
          r?.setAttrs({ ...preview.rect, strokeWidth: 1.5 / scale, dash: [6 / scale, 4 / scale] });
        } else if (preview?.kind === 'lasso') {
          l?.setAttrs({
            points: preview.points.flatMap((p) => [p.x, p.y]),
            strokeWidth: 1.5 / scale,
            dash: [6 / scale, 4 / scale],
          });
        }
        overlayLayer.current?.batchDraw();
      },
    }),
    [],
  );
  useStageInput(containerRef, mask, output);
  /**
   * A mask nothing was written to is all clear and is not drawn: the first draw of a canvas
   * never written makes the browser allocate and fill its whole backing (70 ms at 4096²), in
   * the frame that shows a newly opened picture.
   */
  const drawMask = useCallback(
    (ctx: Konva.Context) => {
      if (!mask.untouched)
        ctx.drawImage(mask.canvas as CanvasImageSource, 0, 0, mask.width, mask.height);
    },
    [mask],
  );

  const pixelated = view.scale >= 2;
  const dpr = window.devicePixelRatio || 1;
  // Until the view is fitted to this picture (the render before the fit, after another
  // picture), its zoom is not this picture's: the copy, made for the window, is the one to draw.
  const fitted = useStageViewStore((s) => s.image);
  const stale = fitted?.width !== mask.width || fitted.height !== mask.height;
  const shown =
    viewCopy && (stale || drawsViewCopy(viewCopy, mask.width, mask.height, view.scale, dpr))
      ? viewCopy
      : image;
  return (
    <div
      ref={containerRef}
      className="editor-stage"
      role="application"
      id={MASK_CANVAS_ID}
      aria-label="Mask canvas"
      aria-roledescription="painting canvas"
      aria-describedby={KEYBOARD_PEN_HELP_ID}
      tabIndex={0}
      data-scale={view.scale}
      data-offset-x={view.x}
      data-offset-y={view.y}
      data-image-width={mask.width}
      data-image-height={mask.height}
    >
      {/* Transparency shows as a checkerboard (CSS, so it follows the theme) under the image;
          an opaque image gets none, or its anti-aliased edge would let it peek through. */}
      <div
        className={`editor-stage__backdrop ${transparent ? 'editor-stage__backdrop--checker' : ''}`}
        style={{
          left: view.x,
          top: view.y,
          width: mask.width * view.scale,
          height: mask.height * view.scale,
        }}
      />
      {viewport.width > 0 && viewport.height > 0 && (
        <Stage
          width={viewport.width}
          height={viewport.height}
          scaleX={view.scale}
          scaleY={view.scale}
          x={view.x}
          y={view.y}
          listening={false}
        >
          <Layer imageSmoothingEnabled={!pixelated}>
            <KonvaImage image={shown} width={mask.width} height={mask.height} />
          </Layer>
          {/* The paint's own colour never shows: the rectangle above it, drawn 'source-in',
              tints exactly the painted pixels (their coverage kept) in the overlay colour,
              and the blend band's preview with them (blend-preview.ts). */}
          <Layer ref={maskLayer} imageSmoothingEnabled={!pixelated} visible={maskVisible}>
            <KonvaImage
              image={mask.canvas}
              width={mask.width}
              height={mask.height}
              sceneFunc={drawMask}
            />
            {band && <KonvaImage image={band.canvas} width={mask.width} height={mask.height} />}
            <Rect
              width={mask.width}
              height={mask.height}
              fill={overlay}
              opacity={maskOpacity}
              globalCompositeOperation="source-in"
            />
          </Layer>
          <Layer ref={overlayLayer}>
            <Rect ref={previewRect} visible={false} stroke="#ffffff" fill={shapeFill} />
            <Line ref={previewLasso} visible={false} closed stroke="#ffffff" fill={shapeFill} />
            <Circle ref={ringOutline} visible={false} stroke="rgba(0,0,0,0.6)" />
            <Circle ref={ring} visible={false} stroke="#ffffff" />
            <Group ref={crosshair} visible={false} listening={false}>
              {CROSSHAIR_ARMS.map((points, i) => (
                <Line key={`o${i}`} points={points} stroke="rgba(0,0,0,0.75)" strokeWidth={4} />
              ))}
              {CROSSHAIR_ARMS.map((points, i) => (
                <Line key={`i${i}`} points={points} stroke="#ffffff" strokeWidth={2} />
              ))}
            </Group>
          </Layer>
        </Stage>
      )}
    </div>
  );
}

const queuedDraws = new WeakSet<Konva.Layer>();

/**
 * Draws `layer` once, at the end of the current task, however often it is asked for meanwhile.
 * Drawing the mask layer takes a snapshot of the mask canvas that lives until the frame is
 * painted; a write to the mask after it (the next pointer move's paint, when Konva's
 * batchDraw ran first in the frame) makes the browser copy the whole canvas first: 33 MB at
 * 4K, 25-35 ms per frame. Drawn after the task's last write, the snapshot is gone by the next.
 */
function drawAtEndOfTask(layer: Konva.Layer | null): void {
  if (!layer || queuedDraws.has(layer)) return;
  queuedDraws.add(layer);
  queueMicrotask(() => {
    queuedDraws.delete(layer);
    if (layer.getStage()) layer.draw(); // not once the stage has gone
  });
}
