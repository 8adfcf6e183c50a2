import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useViewStore } from '../../../lib/studio-view.ts';
import { openInEditor } from '../../editor/open-in-editor.ts';
import { applySettings } from '../../prompt/apply-settings.ts';
import { useLikeThisMode } from '../../jobs/use-like-this-mode.ts';
import { entryFileName } from '../../gallery-store/entry-file.ts';
import {
  downloadEntry,
  editEntry,
  likeThisEntry,
  likeThisHint,
  reporting,
} from '../entries/entry-commands.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { imageStoredQuery, lineageQuery } from '../../gallery-store/gallery-queries.ts';
import { useDeleteEntries, useSetFavourite } from '../hooks/use-gallery-actions.ts';
import { readImage, readMask } from '../../gallery-store/gallery-reads.ts';
import { failureReason, useArchiveStore } from '../stores/archive-store.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { ActionProblem, type ActionProblemReport } from './action-problem.tsx';

/**
 * What can be done with one image from its detail view. A failure is said here, under the
 * buttons: the gallery's notice lies under the viewer.
 */
export function EntryActions({ entry }: { entry: GalleryEntry }) {
  const [problem, report] = useActionProblem();
  const setFavourite = useSetFavourite(report);
  const deleteEntries = useDeleteEntries(report);
  const openEntry = useGalleryUi((s) => s.openEntry);
  const compareOriginal = useGalleryUi((s) => s.compareOriginal);
  const { data: lineage } = useQuery(lineageQuery(entry.id));
  const [copied, setCopied] = useState(false);
  const favourite = entry.favourite === 1;
  const parent = lineage?.parent;
  const likeThis = useLikeThisMode();
  // Edit, More like this and Download need the picture: with its bytes gone they are not
  // offered (the stage says why, and to delete it or import an archive that has it).
  const { data: stored } = useQuery({ ...imageStoredQuery(entry.id), enabled: !entry.remote });
  const hasPicture = !entry.remote && stored !== false;

  const download = downloadEntry(entry, report);
  // Refused (the window not focused, the browser's settings…), the prompt comes with the
  // failure, selected, to copy by hand.
  const copyPrompt = reporting(
    'Copying the prompt',
    async () => {
      await navigator.clipboard.writeText(entry.prompt);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    },
    (what, error) => report(what, clipboardRefusal(error), entry.prompt),
  );
  const edit = editEntry(entry, report);
  // Loads prompt and settings into the panel of the operation that made the image.
  const reuseSettings = () => {
    const operation = entry.kind === 'edit' ? 'edit' : 'generate';
    applySettings(operation, entry.params);
    openEntry(null);
    useViewStore.getState().showView(operation);
  };
  const makeVariations = likeThisEntry(entry, likeThis, report);
  const reEditParent = reporting(
    'Opening the editor',
    async () => {
      if (!parent || !entry.maskId) return;
      const [image, mask] = await Promise.all([readImage(parent.id), readMask(entry.maskId)]);
      openEntry(null);
      const opened = await openInEditor({
        image,
        name: entryFileName(parent),
        parentId: parent.id,
        ...(mask ? { mask } : {}),
      });
      // Trying again means the same request: its prompt and settings come with the mask. Only
      // once the image is open: "Keep editing" leaves the draft as it was.
      if (opened) applySettings('edit', entry.params);
    },
    report,
  );

  return (
    <>
      <div
        className="entry-detail__actions"
        role="group"
        aria-label="Image actions"
        // Another press is another try: the last one's failure no longer describes it.
        onClickCapture={(event) => problem.pressed(event.target)}
      >
        {hasPicture && (
          <button type="button" className="button button--primary" onClick={edit}>
            Edit
          </button>
        )}
        {parent && !parent.remote && entry.maskId && (
          <button
            type="button"
            className="button"
            onClick={reEditParent}
            title="Open the image this edit was made from, with the same mask, to try again"
          >
            Re-edit the original
          </button>
        )}
        {parent && (
          <button
            type="button"
            className="button"
            onClick={() => {
              openEntry(null);
              compareOriginal(entry.id);
            }}
            title="Before and after: this image against the one it was made from"
          >
            Compare with original
          </button>
        )}
        {entry.kind !== 'variation' && entry.kind !== 'upload' && (
          <button type="button" className="button" onClick={reuseSettings}>
            Reuse settings
          </button>
        )}
        {hasPicture && likeThis && (
          <button
            type="button"
            className="button"
            onClick={makeVariations}
            title={likeThisHint(likeThis)}
          >
            {likeThis.label}
          </button>
        )}
        {hasPicture && (
          <button type="button" className="button" onClick={download}>
            Download
          </button>
        )}
        {entry.prompt && (
          <button type="button" className="button" onClick={copyPrompt}>
            {copied ? 'Prompt copied' : 'Copy prompt'}
          </button>
        )}
        <button
          type="button"
          className="button"
          aria-pressed={favourite}
          onClick={() => setFavourite.mutate({ ids: [entry.id], favourite: !favourite })}
        >
          <span aria-hidden="true">{favourite ? '★' : '☆'}</span> Favourite
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => deleteEntries.mutate([entry.id])}
        >
          Delete
        </button>
      </div>
      {problem.shown ? <ActionProblem problem={problem.shown} onDismiss={problem.clear} /> : null}
    </>
  );
}

/** The browser's refusal in words: "… on 'Clipboard': Document is not focused." names an API. */
function clipboardRefusal(error: unknown): Error {
  const detail =
    error instanceof Error ? error.message.replace(/^Failed to execute .*?: /, '') : '';
  const why = detail.replace(/\.$/, '');
  return new Error(
    `The browser did not let the studio use the clipboard${why ? ` (${why})` : ''}.`,
  );
}

/**
 * The failure of the last action pressed here, and the reporter that sets it. One that comes
 * after the panel has gone (the viewer stepped on) goes to the gallery's notice instead.
 */
function useActionProblem(): [
  {
    shown: ActionProblemReport | null;
    clear: () => void;
    /** A button was pressed: the focus goes back to it when its failure is dismissed. */
    pressed: (target: EventTarget) => void;
  },
  (what: string, error: unknown, copyByHand?: string) => void,
] {
  const [shown, setShown] = useState<ActionProblemReport | null>(null);
  const lastPressed = useRef<HTMLElement | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const report = (what: string, error: unknown, copyByHand?: string) => {
    if (!mounted.current) {
      useArchiveStore.getState().reportFailure(what, error);
      return;
    }
    const pressed = lastPressed.current;
    setShown({
      title: `${what} failed`,
      reason: failureReason(error),
      pressed,
      ...(copyByHand !== undefined ? { copyByHand } : {}),
    });
  };
  const pressed = (target: EventTarget) => {
    lastPressed.current = target instanceof Element ? target.closest('button') : null;
    setShown(null);
  };
  return [{ shown, clear: () => setShown(null), pressed }, report];
}
