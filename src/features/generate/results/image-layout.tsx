import type { ReactNode } from 'react';
import { TILE_MIN, useResultsSize } from './results-size.ts';

interface ImageLayoutProps {
  /** The newest job: its first image is the hero, as large as the card and window allow. */
  featured: boolean;
  /** width / height of each image, for the hero's box. */
  aspects: number[];
  render: (index: number) => ReactNode;
}

/**
 * How a job's images sit in its card: the newest job's first image fills the card (kept
 * whole in the window), its others and every older job's in a grid at the chosen size.
 */
export function ImageLayout({ featured, aspects, render }: ImageLayoutProps) {
  const size = useResultsSize((s) => s.size);
  const rest = aspects.map((_, i) => i).slice(featured ? 1 : 0);
  return (
    <>
      {featured && aspects.length > 0 ? (
        <div className="job__hero" style={{ ['--aspect' as string]: String(aspects[0]) }}>
          {render(0)}
        </div>
      ) : null}
      {rest.length > 0 ? (
        <div className="job__grid" style={{ ['--tile-min' as string]: TILE_MIN[size] }}>
          {rest.map(render)}
        </div>
      ) : null}
    </>
  );
}
