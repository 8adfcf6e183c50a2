import { useId, useMemo, useState, type ReactNode } from 'react';
import { isFiltered, type GalleryFilter } from '../entries/entry-filter.ts';
import { KIND_PLURAL, modelLabel } from '../entries/entry-labels.ts';
import {
  ENTRY_KINDS,
  type EntryKind,
  type GalleryEntry,
} from '../../gallery-store/gallery-entry.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { FilterDate } from './filter-date.tsx';
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

/** How many filters besides the search (which stays in sight) narrow what is shown. */
const activeFilters = (f: GalleryFilter) =>
  [f.model !== null, f.kind !== null, f.favouritesOnly, f.from !== null, f.to !== null].filter(
    Boolean,
  ).length;

/**
 * Search and filters. Model choices are the models that actually appear in the gallery, by
 * their display names. Below 1024 px only the search, a Filters button and the thumbnail
 * size take a row; the filters (and `more`, e.g. the cost totals) open under the button, so
 * the pictures start high on a phone's first screen.
 */
export function GalleryToolbar({ all, more }: { all: readonly GalleryEntry[]; more?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
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
    <div className="gallery-toolbar" role="search" aria-label="Gallery filters" data-open={open}>
      <input
        type="search"
        className="gallery-field gallery-toolbar__search"
        placeholder="Search prompts"
        aria-label="Search gallery"
        value={filter.search}
        onChange={(e) => setFilter({ search: e.target.value })}
      />
      <button
        type="button"
        className="button gallery-toolbar__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        Filters{activeFilters(filter) > 0 ? ` · ${activeFilters(filter)}` : ''}
      </button>
      <div id={panelId} className="gallery-toolbar__filters">
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
        <FilterDate
          label="From"
          value={filter.from}
          max={filter.to}
          onChange={(from) => setFilter({ from })}
        />
        <FilterDate
          label="To"
          value={filter.to}
          min={filter.from}
          onChange={(to) => setFilter({ to })}
        />
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
        {more}
      </div>
      <TileSizeToggle />
    </div>
  );
}
