import type { ZoomControls as Controls } from './use-zoom-pan.ts';

/** −, the zoom in percent, +, Fit and 100%: the viewer header's zoom group. */
export function ZoomControls({ zoom }: { zoom: Controls }) {
  const percent = `${Math.round(zoom.scale * 100)}%`;
  return (
    <div className="viewer-zoom" role="group" aria-label="Zoom">
      <button
        type="button"
        className="viewer-button viewer-button--icon"
        aria-label="Zoom out"
        title="Zoom out (−)"
        onClick={zoom.zoomOut}
      >
        −
      </button>
      <output className="viewer-zoom__value" aria-label="Zoom level">
        {percent}
      </output>
      <button
        type="button"
        className="viewer-button viewer-button--icon"
        aria-label="Zoom in"
        title="Zoom in (+)"
        onClick={zoom.zoomIn}
      >
        +
      </button>
      <button
        type="button"
        className="viewer-button"
        aria-pressed={zoom.fitted}
        title="Fit to the window (0)"
        onClick={zoom.fit}
      >
        Fit
      </button>
      <button
        type="button"
        className="viewer-button"
        aria-pressed={zoom.scale === 1}
        aria-label="Actual size (100%)"
        title="Actual size: one image pixel per screen pixel (1)"
        onClick={zoom.actualSize}
      >
        100%
      </button>
    </div>
  );
}
