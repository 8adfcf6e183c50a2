import { Dialog } from 'radix-ui';
import { useLayoutEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { isTypingTarget } from '../../lib/shortcuts.ts';
import { createFocusReturn } from '../../lib/ui/focus-return.ts';
import { useViewerBlob } from './use-viewer-blob.ts';
import { sharedFrame } from './view-math.ts';
import { useZoomPan } from './use-zoom-pan.ts';
import { ViewerHeader } from './viewer-header.tsx';
import { viewerCommandFor, type ViewerCommand } from './viewer-keys.ts';
import type { ViewerImage, ViewerReference } from './viewer-image.ts';
import { ZoomStage, type CompareMode } from './zoom-stage.tsx';
import './viewer.css';

export interface ImageViewerProps {
  images: readonly ViewerImage[];
  /** The open image, or null when closed. */
  index: number | null;
  onIndexChange: (index: number | null) => void;
  /** Shows every image against this one (before/after, A/B). */
  reference?: ViewerReference | undefined;
  /** More header buttons for the shown image (Edit, Use as reference…). */
  actions?: ((image: ViewerImage) => ReactNode) | undefined;
  /** A side panel about the shown image (the gallery's metadata), behind an Info toggle. */
  aside?: ((image: ViewerImage) => ReactNode) | undefined;
  /** Where focus goes on close, when not back to what opened the viewer (a grid tile). */
  returnFocus?: ((image: ViewerImage) => HTMLElement | null) | undefined;
}

const PANE_GAP = 8;
/** Wide enough for the picture and a 360 px panel side by side. */
const WIDE = '(min-width: 1024px)';

/**
 * The studio's image viewer: the picture on a dark stage under a solid header, fitted at
 * first; zoom to 100% and beyond, pan by dragging, arrows between images (the zoom stays
 * while stepping through images of one size), a before/after or A/B compare as a slider or
 * side by side. Focus goes back where it was on close.
 */
export function ImageViewer(props: ImageViewerProps) {
  const { images, index, onIndexChange } = props;
  const open = index !== null && images[index] !== undefined;
  const [focusReturn] = useState(createFocusReturn);
  // Before Radix moves focus into the dialog (its effect runs after this layout effect).
  useLayoutEffect(() => {
    if (open) focusReturn.remember();
  }, [open, focusReturn]);
  return (
    <Dialog.Root open={open} onOpenChange={(o) => !o && onIndexChange(null)}>
      <Dialog.Portal>
        {open ? (
          <ViewerBody {...props} index={index} onCloseAutoFocus={focusReturn.onCloseAutoFocus} />
        ) : null}
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface ViewerBodyProps extends ImageViewerProps {
  index: number;
  onCloseAutoFocus: (event: Event) => void;
}

function ViewerBody(props: ViewerBodyProps) {
  const { images, index, onIndexChange, reference, aside, returnFocus } = props;
  const image = images[index]!;
  const count = images.length;
  const [mode, setMode] = useState<CompareMode>('slider');
  const [infoOpen, setInfoOpen] = useState(() => matchMedia(WIDE).matches);
  const size = useMemo(
    () => ({ width: image.width, height: image.height }),
    [image.width, image.height],
  );
  const [refWidth, refHeight] = [reference?.image.width ?? 0, reference?.image.height ?? 0];
  const referenceSize = useMemo(
    () => ({ width: refWidth, height: refHeight }),
    [refWidth, refHeight],
  );
  // Two pictures share one box, each letterboxed at its own shape (never drawn at the other's).
  const frame = useMemo(
    () => (reference ? sharedFrame(size, referenceSize) : size),
    [reference, size, referenceSize],
  );
  const pair = reference !== undefined && mode === 'side-by-side';
  const {
    stageRef,
    registerLayer,
    controls: zoom,
  } = useZoomPan({
    image: frame,
    panes: pair ? 2 : 1,
    gap: PANE_GAP,
  });
  const shown = useViewerBlob(image);
  // An image that cannot be read: its way forward (Delete, on a phone held upright behind a
  // closed Info) is opened with the message, once per failure; closing Info again is kept.
  const [infoOpenedFor, setInfoOpenedFor] = useState<string | null>(null);
  const unreadable = shown.error ? `${image.key}|${shown.error}` : null;
  if (aside && unreadable && unreadable !== infoOpenedFor) {
    setInfoOpenedFor(unreadable);
    setInfoOpen(true);
  }
  // No picture to show: the stage draws no empty or broken one under the words, and the
  // header offers no zoom (with a figure) for it.
  const failed = !shown.blob && Boolean(image.missing ?? shown.error);
  const referenceBlob = useViewerBlob(reference?.image);
  const go = (delta: number) => onIndexChange((index + delta + count) % count);

  const step = 80;
  const commands: Record<ViewerCommand, () => void> = {
    previous: () => count > 1 && go(-1),
    next: () => count > 1 && go(1),
    'zoom-in': zoom.zoomIn,
    'zoom-out': zoom.zoomOut,
    fit: zoom.fit,
    'actual-size': zoom.actualSize,
    'pan-left': () => zoom.pan(step, 0),
    'pan-right': () => zoom.pan(-step, 0),
    'pan-up': () => zoom.pan(0, step),
    'pan-down': () => zoom.pan(0, -step),
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const command = isTypingTarget(e.target) ? null : viewerCommandFor(e);
    if (!command) return;
    e.preventDefault();
    commands[command]();
  };

  const onCloseAutoFocus = (event: Event) => {
    const target = returnFocus?.(image);
    if (target) {
      event.preventDefault();
      target.focus();
    } else props.onCloseAutoFocus(event);
  };

  return (
    <Dialog.Content
      className="image-viewer dark-room"
      aria-describedby={undefined}
      onCloseAutoFocus={onCloseAutoFocus}
      onKeyDown={onKeyDown}
    >
      <ViewerHeader
        image={image}
        reference={reference}
        index={index}
        count={count}
        onStep={go}
        zoom={failed ? null : zoom}
        compare={reference ? { mode, setMode } : null}
        actions={props.actions?.(image)}
        info={aside ? { open: infoOpen, toggle: () => setInfoOpen((o) => !o) } : null}
        blob={shown.blob}
      />
      <div className="image-viewer__main">
        <div className="image-viewer__stage-wrap" data-failed={failed ? '' : undefined}>
          <ZoomStage
            stageRef={stageRef}
            registerLayer={registerLayer}
            frame={frame}
            image={{ blob: shown.blob, alt: image.alt, size }}
            reference={
              reference
                ? {
                    blob: referenceBlob.blob,
                    alt: reference.image.alt,
                    size: referenceSize,
                    labels: reference.labels,
                  }
                : null
            }
            mode={mode}
            gap={PANE_GAP}
          />
          {shown.blob ? null : (
            <div className="image-viewer__missing" role={shown.error ? 'alert' : 'status'}>
              {image.missing ?? shown.error ?? 'Loading the image…'}
            </div>
          )}
        </div>
        {aside && infoOpen ? (
          <aside id="viewer-info" className="image-viewer__aside" aria-label="About this image">
            {aside(image)}
          </aside>
        ) : null}
      </div>
      {image.caption ? <p className="image-viewer__caption">{image.caption}</p> : null}
    </Dialog.Content>
  );
}
