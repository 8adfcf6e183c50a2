import { useMemo } from 'react';
import { isFiltered, type GalleryFilter } from '../entries/entry-filter.ts';
import { KIND_PLURAL, modelLabel } from '../entries/entry-labels.ts';
import {
  ENTRY_KINDS,
  type EntryKind,
  type GalleryEntry,
} from '../../gallery-store/gallery-entry.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { FilterSelect } from './filter-select.tsx';
import { TileSizeToggle } from './tile-size-toggle.tsx';
import './gallery-toolbar.css';

/** The "no filter" choice (Radix Select takes no empty value; no model or kind is "*"). */
const ANY = '*';
const KIND_CHOICES = [
  { value: ANY, label: 'All kinds' },
  ...ENTRY_KINDS.map((k) => ({ value: k, label: KIND_PLURAL[k] })),
];
const ORDER_CHOICES = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
];

/**
 * Search and filters. Model choices are the models that actually appear in the gallery, by
 * their display names.
 */
export function GalleryToolbar({ all }: { all: readonly GalleryEntry[] }) {
  const filter = useGalleryUi((s) => s.filter);
  const setFilter = useGalleryUi((s) => s.setFilter);
  const resetFilter = useGalleryUi((s) => s.resetFilter);
  const modelChoices = useMemo(
    () => [
      { value: ANY, label: 'All models' },
      // Uploads were made by no model.
      ...[...new Set(all.flatMap((e) => (e.kind === 'upload' ? [] : [e.model])))]
        .map((m) => ({ value: m, label: modelLabel(m) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    ],
    [all],
  );

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
      <FilterSelect
        label="Model"
        value={filter.model ?? ANY}
        choices={modelChoices}
        onChange={(v) => setFilter({ model: v === ANY ? null : v })}
      />
      <FilterSelect
        label="Kind"
        value={filter.kind ?? ANY}
        choices={KIND_CHOICES}
        onChange={(v) => setFilter({ kind: v === ANY ? null : (v as EntryKind) })}
      />
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
      <FilterSelect
        label="Order"
        hideLabel
        value={filter.order}
        choices={ORDER_CHOICES}
        onChange={(v) => setFilter({ order: v as GalleryFilter['order'] })}
      />
      {isFiltered(filter) && (
        <button type="button" className="button button--ghost" onClick={resetFilter}>
          Clear filters
        </button>
      )}
      <TileSizeToggle />
    </div>
  );
}
