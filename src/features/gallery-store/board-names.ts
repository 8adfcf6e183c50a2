/**
 * Board names, without the database: the name field checks a name as it is typed, and the
 * store (boards.ts) checks it again as it writes.
 */
import { MAX_BOARD_NAME, type Board } from './gallery-entry.ts';

/** A name as stored: trimmed, inner runs of space folded, at most MAX_BOARD_NAME characters. */
export function cleanBoardName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, MAX_BOARD_NAME);
}

/** How two names are compared for a clash: as stored, and regardless of case. */
const nameKey = (name: string) => cleanBoardName(name).toLocaleLowerCase();

/**
 * The board, other than `exceptId`, whose name `name` would repeat (case and spaces aside):
 * two boards of one name cannot be told apart in the board bar or the "Add to board" menu.
 * An archive's boards are not held to this (they are matched by id, and a backup must
 * import whole): only a name the designer types is.
 */
export function nameClash(
  name: string,
  boards: readonly Board[],
  exceptId?: string,
): Board | undefined {
  const key = nameKey(name);
  return boards.find((b) => b.id !== exceptId && nameKey(b.name) === key);
}

/**
 * The name of a board made in one click: "Board N" counting the boards, or the next N no
 * board has yet.
 */
export function freeBoardName(boards: readonly Board[]): string {
  for (let n = boards.length + 1; ; n++) {
    const name = `Board ${n}`;
    if (!nameClash(name, boards)) return name;
  }
}

/** The message a clash is refused with, naming the board that has the name. */
export const nameTakenMessage = (board: Board) => `There is already a board named “${board.name}”.`;
