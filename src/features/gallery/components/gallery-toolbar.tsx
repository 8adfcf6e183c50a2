import { useMemo } from 'react';
import { isFiltered, type GalleryFilter } from '../entry-filter.ts';
import { KIND_LABEL } from '../entry-labels.ts';
import { ENTRY_KINDS, type EntryKind, type GalleryEntry } from '../gallery-entry.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';

/** Search and filters. Model choices are the models that actually appear in the gallery. */
export function GalleryToolbar({ all }: { all: readonly GalleryEntry[] }) {
  const filter = useGalleryUi((s) => s.filter);
  const setFilter = useGalleryUi((s) => s.setFilter);
  const resetFilter = useGalleryUi((s) => s.resetFilter);
  const models = useMemo(() => [...new Set(all.map((e) => e.model))].sort(), [all]);

  return (
    <div className="gallery-toolbar" role="search" aria-label="Gallery filters">
      <input
        type="search"
        className="gallery-field gallery-toolbar__search"
        placeholder="Search prompts"
        aria-label="Search gallery"
        value={filter.search}
        onChange={(e) => setFilter({ search: e.target.value })}
      />
      <label className="gallery-toolbar__field">
        <span>Model</span>
        <select
          className="gallery-field"
          value={filter.model ?? ''}
          onChange={(e) => setFilter({ model: e.target.value || null })}
        >
          <option value="">All models</option>
          {models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label className="gallery-toolbar__field">
        <span>Kind</span>
        <select
          className="gallery-field"
          value={filter.kind ?? ''}
          onChange={(e) => setFilter({ kind: (e.target.value || null) as EntryKind | null })}
        >
          <option value="">All kinds</option>
          {ENTRY_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}s
            </option>
          ))}
        </select>
      </label>
      <label className="gallery-toolbar__field">
        <span>From</span>
        <input
          type="date"
          className="gallery-field"
          value={filter.from ?? ''}
          max={filter.to ?? undefined}
          onChange={(e) => setFilter({ from: e.target.value || null })}
        />
      </label>
      <label className="gallery-toolbar__field">
        <span>To</span>
        <input
          type="date"
          className="gallery-field"
          value={filter.to ?? ''}
          min={filter.from ?? undefined}
          onChange={(e) => setFilter({ to: e.target.value || null })}
        />
      </label>
      <button
        type="button"
        className="button gallery-toolbar__favourites"
        aria-pressed={filter.favouritesOnly}
        onClick={() => setFilter({ favouritesOnly: !filter.favouritesOnly })}
      >
        <span aria-hidden="true">{filter.favouritesOnly ? '★' : '☆'}</span> Favourites
      </button>
      <label className="gallery-toolbar__field">
        <span className="visually-hidden">Order</span>
        <select
          className="gallery-field"
          value={filter.order}
          onChange={(e) => setFilter({ order: e.target.value as GalleryFilter['order'] })}
        >
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </label>
      {isFiltered(filter) && (
        <button type="button" className="button button--ghost" onClick={resetFilter}>
          Clear filters
        </button>
      )}
    </div>
  );
}
