import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Board, GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { nameClash, nameTakenMessage } from '../../gallery-store/board-names.ts';
import { boardsQuery } from '../../gallery-store/gallery-queries.ts';
import { Chip, ChipGroup } from '../../../lib/ui/chip-group.tsx';
import { Menu, MenuItem, MenuSeparator } from '../../../lib/ui/menu.tsx';
import { useBoardActions } from '../hooks/use-board-actions.ts';
import { useArchiveStore } from '../stores/archive-store.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { BoardNameField } from './board-name-field.tsx';
import './boards.css';

/** "All images" when no board is chosen. */
const ALL = '*';

/**
 * The gallery's boards as a row of choices above the grid: All images, then each board
 * with its count; the chosen board's menu renames, downloads or deletes it.
 */
export function BoardBar({ all }: { all: readonly GalleryEntry[] }) {
  const { data: boards = [], isSuccess } = useQuery(boardsQuery());
  const chosen = useGalleryUi((s) => s.filter.board);
  useGoneBoardLeaves(boards, isSuccess);
  const setFilter = useGalleryUi((s) => s.setFilter);
  const actions = useBoardActions();
  const [editing, setEditing] = useState<'new' | Board | null>(null);
  const counts = useMemo(() => {
    const counted = new Map<string, number>();
    for (const entry of all)
      for (const id of entry.boardIds ?? []) counted.set(id, (counted.get(id) ?? 0) + 1);
    return counted;
  }, [all]);
  const board = boards.find((b) => b.id === chosen) ?? null;
  // The name field closed by Enter or Escape leaves the DOM with the focus: it goes back to
  // the control that opened it, "+ New board" or the board's menu, not to the page.
  const nav = useRef<HTMLElement>(null);
  const refocus = useRef<'new' | 'rename' | null>(null);
  useEffect(() => {
    if (!refocus.current || editing) return;
    const opener = nav.current?.querySelector<HTMLElement>(
      refocus.current === 'new' ? '.board-bar__new' : '[aria-haspopup="menu"]',
    );
    refocus.current = null;
    opener?.focus();
  });
  useChosenChipInView(nav, board?.id ?? ALL, boards.length, editing !== null);

  return (
    <nav
      className={`board-bar${editing ? ' board-bar--naming' : ''}`}
      aria-label="Boards"
      ref={nav}
    >
      <ChipGroup
        className="board-bar__list"
        label="Show board"
        value={board?.id ?? ALL}
        onValueChange={(v) => setFilter({ board: v === ALL ? null : v })}
      >
        <Chip value={ALL} className="board-chip">
          All images <span className="board-chip__count">{all.length.toLocaleString()}</span>
        </Chip>
        {boards.map((b) =>
          editing !== 'new' && editing?.id === b.id ? null : (
            <Chip key={b.id} value={b.id} className="board-chip">
              {b.name}{' '}
              <span className="board-chip__count">{(counts.get(b.id) ?? 0).toLocaleString()}</span>
            </Chip>
          ),
        )}
      </ChipGroup>
      {editing ? (
        <BoardNameField
          label={editing === 'new' ? 'New board name' : `Rename ${editing.name}`}
          initial={editing === 'new' ? '' : editing.name}
          refuse={(name) => {
            const clash = nameClash(name, boards, editing === 'new' ? undefined : editing.id);
            return clash ? nameTakenMessage(clash) : null;
          }}
          onDone={(name, byKey) => {
            refocus.current = !byKey ? null : editing === 'new' ? 'new' : 'rename';
            if (name && editing === 'new') actions.create.mutate({ name, ids: [] });
            else if (name && editing !== 'new') actions.rename.mutate({ board: editing, name });
            setEditing(null);
          }}
        />
      ) : (
        <button
          type="button"
          className="button button--ghost board-bar__new"
          onClick={() => setEditing('new')}
        >
          + New board
        </button>
      )}
      {board && !editing ? (
        <BoardMenu
          board={board}
          ids={all.filter((e) => e.boardIds?.includes(board.id)).map((e) => e.id)}
          onRename={() => setEditing(board)}
        />
      ) : null}
    </nav>
  );
}

/**
 * The chips scroll sideways inside their row: the chosen one (a board just made, or shown
 * from elsewhere) is scrolled into it, not left cut off at the row's end on a phone. Only the
 * row scrolls, never the page.
 */
function useChosenChipInView(
  nav: RefObject<HTMLElement | null>,
  chosen: string,
  count: number,
  editing: boolean,
) {
  useEffect(() => {
    const row = nav.current?.querySelector<HTMLElement>('.board-bar__list');
    const chip = row?.querySelector<HTMLElement>('[role="radio"][data-state="on"]');
    if (!row || !chip) return;
    const [inside, box] = [row.getBoundingClientRect(), chip.getBoundingClientRect()];
    // The row's padding shows the chip's focus ring too.
    const pad = parseFloat(getComputedStyle(row).paddingLeft) || 0;
    if (box.left < inside.left + pad) row.scrollLeft -= inside.left + pad - box.left;
    else if (box.right > inside.right - pad) row.scrollLeft += box.right - (inside.right - pad);
  }, [nav, chosen, count, editing]);
}

/**
 * The board shown was deleted elsewhere (another tab): show All images, as its chip already
 * says, and say why, instead of "This board is empty" under a checked All images.
 * A board made here is in the list before it is shown (useBoardActions).
 */
function useGoneBoardLeaves(boards: readonly Board[], listed: boolean) {
  const chosen = useGalleryUi((s) => s.filter.board);
  const names = useRef(new Map<string, string>());
  useEffect(() => {
    for (const b of boards) names.current.set(b.id, b.name);
    if (!listed || !chosen || boards.some((b) => b.id === chosen)) return;
    // The list may be a read older than the board (made a moment ago): the database decides.
    let live = true;
    void import('../../gallery-store/boards.ts')
      .then(({ listBoards }) => listBoards())
      .then((stored) => {
        const ui = useGalleryUi.getState();
        if (!live || ui.filter.board !== chosen || stored.some((b) => b.id === chosen)) return;
        ui.setFilter({ board: null });
        const name = names.current.get(chosen);
        useArchiveStore
          .getState()
          .reportDone(
            `${name ? `The board “${name}”` : 'The board shown'} was deleted in another tab; showing all images.`,
          );
      })
      .catch((error: unknown) => console.warn('Easel: the boards could not be read', error));
    return () => {
      live = false;
    };
  }, [boards, listed, chosen]);
}

function BoardMenu({
  board,
  ids,
  onRename,
}: {
  board: Board;
  ids: string[];
  onRename: () => void;
}) {
  const exportEntries = useArchiveStore((s) => s.exportEntries);
  const { remove } = useBoardActions();
  return (
    <Menu
      label={`${board.name}: board actions`}
      trigger="⋯"
      triggerClassName="button button--ghost"
    >
      <MenuItem onSelect={onRename}>Rename…</MenuItem>
      {/* An empty board's zip would hold nothing, not even the board: nothing to offer. */}
      <MenuItem
        onSelect={() => void exportEntries(ids, board.name)}
        disabled={ids.length === 0}
        hint={ids.length === 0 ? 'Add images to this board first' : undefined}
      >
        Download board as zip
      </MenuItem>
      <MenuSeparator />
      <MenuItem danger onSelect={() => remove.mutate(board)}>
        Delete board (keeps its images)
      </MenuItem>
    </Menu>
  );
}
