import { TILE_SIZES, useTileSize } from '../stores/tile-size.ts';

const NAME = { small: 'Small', medium: 'Medium', large: 'Large' } as const;

/** S / M / L: how big the gallery's thumbnails are (remembered). */
export function TileSizeToggle() {
  const size = useTileSize((s) => s.size);
  const setSize = useTileSize((s) => s.setSize);
  return (
    <div className="segmented segmented--small" role="group" aria-label="Thumbnail size">
      {TILE_SIZES.map((s) => (
        <button
          key={s}
          type="button"
          className="segmented__item"
          aria-label={`${NAME[s]} thumbnails`}
          aria-pressed={size === s}
          onClick={() => setSize(s)}
        >
          {NAME[s][0]}
        </button>
      ))}
    </div>
  );
}
