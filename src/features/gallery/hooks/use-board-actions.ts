import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Board } from '../../gallery-store/gallery-entry.ts';
import { galleryKeys } from '../../gallery-store/gallery-queries.ts';
import { useArchiveStore } from '../stores/archive-store.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';

// The database code loads with the first change, not with the gallery view.
const boards = () => import('../../gallery-store/boards.ts');

const plural = (n: number) => `${n.toLocaleString()} image${n === 1 ? '' : 's'}`;

/**
 * Board changes, each said in the gallery's notice when done or failed. A new board made
 * from a selection holds it at once; a deleted board's images stay in the gallery.
 */
export function useBoardActions() {
  const queryClient = useQueryClient();
  const notice = useArchiveStore.getState;
  const refresh = () => queryClient.invalidateQueries({ queryKey: galleryKeys.meta() });
  const fail = (what: string) => (error: unknown) => notice().reportFailure(what, error);

  const create = useMutation({
    mutationFn: async ({ name, ids }: { name: string; ids: readonly string[] }) => {
      const { addToBoard, createBoard } = await boards();
      const board = await createBoard(name);
      if (ids.length) await addToBoard(ids, board.id);
      return { board, count: ids.length };
    },
    onSuccess: ({ board, count }) => {
      // Listed before it is shown: the board bar leaves a board missing from its list.
      queryClient.setQueryData(galleryKeys.boards(), (listed: Board[] | undefined) =>
        listed?.some((b) => b.id === board.id) ? listed : [...(listed ?? []), board],
      );
      void refresh();
      useGalleryUi.getState().setFilter({ board: board.id });
      notice().reportDone(
        count
          ? `Made the board “${board.name}” with ${plural(count)}.`
          : `Made the board “${board.name}”.`,
      );
    },
    onError: fail('Making the board'),
  });
  const rename = useMutation({
    mutationFn: async ({ board, name }: { board: Board; name: string }) =>
      (await boards()).renameBoard(board.id, name),
    onSuccess: () => void refresh(),
    onError: fail('Renaming the board'),
  });
  const remove = useMutation({
    mutationFn: async (board: Board) => {
      await (await boards()).deleteBoard(board.id);
      return board;
    },
    onSuccess: (board) => {
      void refresh();
      const ui = useGalleryUi.getState();
      if (ui.filter.board === board.id) ui.setFilter({ board: null });
      notice().reportDone(`Deleted the board “${board.name}”; its images stay in the gallery.`);
    },
    onError: fail('Deleting the board'),
  });
  const add = useMutation({
    mutationFn: async ({ board, ids }: { board: Board; ids: readonly string[] }) => {
      await (await boards()).addToBoard(ids, board.id);
      return { board, ids };
    },
    onSuccess: ({ board, ids }) => {
      void refresh();
      notice().reportDone(`Added ${plural(ids.length)} to “${board.name}”.`);
    },
    onError: fail('Adding to the board'),
  });
  const takeOff = useMutation({
    mutationFn: async ({ board, ids }: { board: Board; ids: readonly string[] }) => {
      await (await boards()).removeFromBoard(ids, board.id);
      return { board, ids };
    },
    onSuccess: ({ board, ids }) => {
      void refresh();
      useGalleryUi.getState().clearSelection();
      notice().reportDone(
        `Removed ${plural(ids.length)} from “${board.name}”; they stay in the gallery.`,
      );
    },
    onError: fail('Removing from the board'),
  });
  return { create, rename, remove, add, takeOff };
}
