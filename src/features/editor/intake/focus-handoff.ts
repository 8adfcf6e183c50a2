/**
 * The empty editor's choices ("Choose image…", "Pick from the gallery…") leave the DOM as
 * the image they brought in opens, and the focus they held would fall to the page, where
 * the next Tab starts again at the top of the studio. The stage takes it when it appears.
 */
let lost = false;

/** The focus left the empty editor for nowhere (its control was removed, most likely). */
export function focusLeftForNowhere(): void {
  lost = true;
}

/** For the stage as it mounts: whether to take the focus (nothing else has it). */
export function takeLostFocus(): boolean {
  const take =
    lost && (document.activeElement === null || document.activeElement === document.body);
  lost = false;
  return take;
}
