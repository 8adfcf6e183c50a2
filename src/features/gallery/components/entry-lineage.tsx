import { useQuery } from '@tanstack/react-query';
import { entryTitle, KIND_LABEL } from '../entries/entry-labels.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { lineageQuery, maskQuery, thumbnailQuery } from '../../gallery-store/gallery-queries.ts';
import { useBlobSrc } from '../../../lib/use-blob-src.ts';
import { useThumbnailCanvas } from '../../../lib/use-thumbnail-canvas.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';

/** Where an image came from and what was made from it; each one opens in this view. */
export function EntryLineage({ entry }: { entry: GalleryEntry }) {
  const { data: lineage } = useQuery(lineageQuery(entry.id));
  if (!lineage) return null;
  const { parent, missingParentId, children } = lineage;
  if (!parent && !missingParentId && children.length === 0) return null;
  return (
    <section className="entry-detail__section" aria-labelledby="detail-lineage">
      <h3 id="detail-lineage" className="entry-detail__heading">
        Lineage
      </h3>
      {(parent || missingParentId) && (
        <div className="entry-lineage__group">
          <h4 className="entry-detail__subheading">Made from</h4>
          <div className="entry-lineage__list">
            {parent ? (
              <LineageLink
                entry={parent}
                relation={parent.kind === 'upload' ? 'Uploaded image' : 'Parent'}
              />
            ) : (
              <p className="entry-lineage__missing">An image that is no longer in the gallery.</p>
            )}
            {entry.maskId && <MaskPreview maskId={entry.maskId} />}
          </div>
        </div>
      )}
      {children.length > 0 && (
        <div className="entry-lineage__group">
          <h4 className="entry-detail__subheading">Made from this image</h4>
          <div className="entry-lineage__list">
            {children.map((child) => (
              <LineageLink key={child.id} entry={child} relation={KIND_LABEL[child.kind]} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

function LineageLink({ entry, relation }: { entry: GalleryEntry; relation: string }) {
  const openEntry = useGalleryUi((s) => s.openEntry);
  const { data: thumbnail } = useQuery(thumbnailQuery(entry.id));
  const { canvasRef, failed: previewFailed } = useThumbnailCanvas(thumbnail);
  const title = entryTitle(entry);
  return (
    <button
      type="button"
      className="entry-lineage__link"
      aria-label={`${relation}: ${title}`}
      onClick={() => openEntry(entry.id)}
    >
      <span className="entry-lineage__thumb">
        {thumbnail && !previewFailed && <canvas ref={canvasRef} aria-hidden="true" />}
      </span>
      <span className="entry-lineage__text">
        <span className="entry-lineage__relation">{relation}</span>
        <span className="entry-lineage__title">{title}</span>
      </span>
    </button>
  );
}

function MaskPreview({ maskId }: { maskId: string }) {
  const { data: mask } = useQuery(maskQuery(maskId));
  const ref = useBlobSrc(mask);
  if (!mask) return null;
  return (
    <figure className="entry-lineage__mask">
      <span className="entry-lineage__thumb entry-lineage__thumb--mask">
        <img ref={ref} alt="The mask painted for this edit (transparent where edited)" />
      </span>
      <figcaption>Mask</figcaption>
    </figure>
  );
}
