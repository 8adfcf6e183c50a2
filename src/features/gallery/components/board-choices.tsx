import { useQuery } from '@tanstack/react-query';
import { freeBoardName } from '../../gallery-store/board-names.ts';
import { boardsQuery } from '../../gallery-store/gallery-queries.ts';
import { Menu, MenuItem, MenuSeparator } from '../../../lib/ui/menu.tsx';
import { useBoardActions } from '../hooks/use-board-actions.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';

/**
 * The selection's board actions: add to any board (or to a new one made from it), and,
 * while a board is shown, take the selected images off it.
 */
export function BoardChoices({ ids }: { ids: readonly string[] }) {
  const { data: boards = [] } = useQuery(boardsQuery());
  const shown = useGalleryUi((s) => s.filter.board);
  const { add, create, takeOff } = useBoardActions();
  const current = boards.find((b) => b.id === shown);
  return (
    <>
      <Menu label="Add to board" trigger="Add to board ▾">
        {boards.map((board) => (
          <MenuItem key={board.id} onSelect={() => add.mutate({ board, ids })}>
            {board.name}
          </MenuItem>
        ))}
        {boards.length ? <MenuSeparator /> : null}
        <MenuItem onSelect={() => create.mutate({ name: freeBoardName(boards), ids })}>
          New board with these images
        </MenuItem>
      </Menu>
      {current ? (
        <button
          type="button"
          className="button"
          onClick={() => takeOff.mutate({ board: current, ids })}
        >
          Remove from “{current.name}”
        </button>
      ) : null}
    </>
  );
}
