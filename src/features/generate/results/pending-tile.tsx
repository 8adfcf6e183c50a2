import { useObjectUrl } from '../../../lib/object-url.ts';
import './result-tile.css';

interface PendingTileProps {
  /** width / height of the requested size (1 while the model decides). */
  aspect: number;
  partial?: Blob;
  label: string;
}

/** The reserved box of an image still being made, showing the newest partial frame if any. */
export function PendingTile({ aspect, partial, label }: PendingTileProps) {
  const url = useObjectUrl(partial);
  return (
    <figure className="result-tile result-tile--pending" aria-label={label}>
      <div
        className="result-tile__frame result-tile__frame--pending"
        style={{ aspectRatio: String(aspect) }}
      >
        {url ? (
          <img className="result-tile__image result-tile__image--partial" src={url} alt={label} />
        ) : (
          <span className="result-tile__shimmer" />
        )}
      </div>
      {/* The finished tile's bar (size, actions) has its room already: nothing moves. */}
      <div className="result-tile__bar" aria-hidden="true" />
    </figure>
  );
}
