import { useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';

/**
 * A button with the focus can leave with the state it belongs to (Cancel edit as the edit
 * ends, Run again as its row gives way to the new edit's, Remove from the list with its row):
 * the focus then falls to the page, and the next Tab starts again at the top of the studio.
 * Instead it goes to the row itself while it is still shown, else to the row that took its
 * place (the job it was tried again as, the next row, the one above, a new one), else to
 * `fallback` (the editor's canvas, Generate's results list). Rows carry `data-job-id`; focus
 * the designer moved on elsewhere is theirs to keep. Used by the editor's edit rows and
 * Generate's job cards.
 */
export function useFocusKeptInRows({
  ids,
  list,
  successor,
  fallback,
}: {
  ids: readonly string[];
  list: RefObject<HTMLElement | null>;
  /** The job a job was tried again as, if any. */
  successor: (id: string) => string | undefined;
  fallback: () => void;
}) {
  const focused = useRef<{ id: string; element: Element } | null>(null);
  const shownIds = useRef(ids);
  useLayoutEffect(() => {
    const before = shownIds.current;
    shownIds.current = ids;
    const lost = focused.current;
    if (!lost || lost.element.isConnected || document.activeElement !== document.body) return;
    focused.current = null;
    const at = before.indexOf(lost.id);
    const heir = [
      lost.id,
      successor(lost.id),
      ...before.slice(at + 1),
      ...before.slice(0, Math.max(at, 0)).reverse(),
      ...ids.filter((id) => !before.includes(id)),
    ].find((id) => id !== undefined && ids.includes(id));
    const row = heir
      ? list.current?.querySelector<HTMLElement>(`[data-job-id="${CSS.escape(heir)}"]`)
      : null;
    if (row) row.focus({ preventScroll: true });
    else fallback();
  });
  return {
    onFocus: (e: FocusEvent) => {
      const id = e.target.closest('[data-job-id]')?.getAttribute('data-job-id');
      focused.current = id ? { id, element: e.target } : null;
    },
    // A removed element fires no blur: a blur is the designer moving the focus on.
    onBlur: () => {
      focused.current = null;
    },
  };
}
