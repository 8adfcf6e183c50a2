/**
 * Live compose for the compare view: the shown result is opened in the compose worker once
 * (original, raw result, painted area), every change of the settings hands a full-resolution
 * preview to `show` (the newest change wins; older ones are skipped, never queued), and
 * once the settings rest for a moment the composed PNG is made and stored: in this session
 * (the result strip, Download, "Edit this result") and in the gallery entry, with the
 * settings that made it, so the gallery always holds what the designer last chose.
 * Mount it keyed by the result: its state belongs to one result.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { replaceComposedImage } from '../../gallery-store/recompose-entry.ts';
import { composeWorker, sessionLost } from '../compose/compose-client.ts';
import type { ComposeSettings } from '../../../lib/compose/compose-settings.ts';
import type { Registration } from '../../../lib/compose/registration.ts';
import { useEditResultsStore, type EditBatch } from '../edit/edit-results-store.ts';

/** How long the settings must rest before the composed image is encoded and stored. */
const SETTLE_MS = 700;
/** Fresh workers started for one result before giving up (a crash that repeats). */
const MAX_RESTARTS = 2;
const RESTARTED =
  'The compose worker stopped, so Easel started a fresh one and drew your settings again. Nothing was lost.';
const RESTARTED_OPENING =
  'The compose worker stopped while opening this result, so Easel started a fresh one. Nothing was lost.';

export interface LiveCompose {
  /** null until the result is open in the worker (or when it cannot be composed). */
  settings: ComposeSettings | null;
  change: (settings: ComposeSettings) => void;
  registration: Registration | null;
  /** A preview newer than the stored image is on the canvas. */
  previewing: boolean;
  error: string | null;
}

export function useLiveCompose(
  batch: EditBatch,
  index: number,
  show: (preview: ImageBitmap) => void,
): LiveCompose {
  const result = batch.results[index];
  const key = `${batch.id}:${index}`;
  const composable = batch.maskIsGuidance && batch.painted !== null && result !== undefined;
  const [settings, setSettings] = useState<ComposeSettings | null>(null);
  const [registration, setRegistration] = useState<Registration | null>(
    result?.registration ?? null,
  );
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opened = useRef<string | null>(null);
  const latest = useRef<ComposeSettings | null>(null);
  const drawing = useRef(false);
  const settle = useRef<ReturnType<typeof setTimeout>>(undefined);
  const generation = useRef(0);
  // A worker that stopped takes its sessions with it: bumping `reopen` opens this one again.
  const [reopen, setReopen] = useState(0);
  const restarts = useRef(0);
  const shown = useRef<ComposeSettings | null>(null);
  const restart = useCallback((e: unknown): boolean => {
    if (!sessionLost(e) || restarts.current >= MAX_RESTARTS) return false;
    restarts.current++;
    opened.current = null;
    setReopen((n) => n + 1);
    return true;
  }, []);

  const draw = useCallback(async () => {
    if (drawing.current) return;
    drawing.current = true;
    try {
      while (latest.current && opened.current === key) {
        const next = latest.current;
        latest.current = null;
        const asked = performance.now();
        const preview = await composeWorker().preview(key, next);
        show(preview.bitmap);
        // For the seam benchmark: the compose itself (in the worker) and until it is shown.
        performance.measure('easel:compose', { start: asked, duration: preview.ms });
        performance.measure('easel:compose-shown', { start: asked, end: performance.now() });
        setRegistration(preview.report.registration);
      }
    } catch (e) {
      if (!restart(e)) setError(`The preview could not be drawn: ${(e as Error).message}`);
    } finally {
      drawing.current = false;
    }
  }, [key, show, restart]);

  const store = useCallback(
    async (chosen: ComposeSettings, ticket: number) => {
      try {
        const composed =
          chosen.mode === 'raw' ? null : (await composeWorker().png(key, chosen)).png;
        if (ticket !== generation.current || !result) return;
        useEditResultsStore.getState().patchResult(batch.id, index, { composed, settings: chosen });
        if (result.entryId)
          await replaceComposedImage(result.entryId, composed ?? result.raw, chosen);
        if (ticket === generation.current) setPreviewing(false);
      } catch (e) {
        if (restart(e)) return;
        setError(
          `The new version could not be stored (${(e as Error).message}). The gallery keeps the previous one.`,
        );
      }
    },
    [key, batch.id, index, result, restart],
  );

  const change = useCallback(
    (next: ComposeSettings) => {
      shown.current = next;
      setSettings(next);
      setError(null);
      setPreviewing(true);
      if (next.mode !== 'raw') useEditResultsStore.getState().setComposeMode(next.mode);
      latest.current = next;
      void draw();
      const ticket = ++generation.current;
      clearTimeout(settle.current);
      settle.current = setTimeout(() => void store(next, ticket), SETTLE_MS);
    },
    [draw, store],
  );

  useEffect(() => {
    if (!composable || !batch.painted || !result) return;
    let live = true;
    const worker = composeWorker();
    worker
      .open(key, batch.original, result.raw, batch.painted)
      .then((defaults) => {
        if (!live) return;
        opened.current = key;
        if (shown.current) {
          // Opened again after the worker stopped: redraw and store what was last chosen.
          change(shown.current);
          setError(RESTARTED);
          return;
        }
        setSettings(result.settings ?? { ...defaults, mode: 'raw' });
      })
      .catch((e: unknown) => {
        if (!live) return;
        // The worker stopped before the result was open: a fresh one opens it (this effect
        // runs again), unless it keeps stopping.
        if (restart(e)) setError(shown.current ? RESTARTED : RESTARTED_OPENING);
        else
          setError(
            `Compose is unavailable: ${(e as Error).message.replace(/\.$/, '')}. The result is kept as stored; ` +
              'to try again, switch to Paint and back to Compare.',
          );
      });
    return () => {
      live = false;
      opened.current = null;
      clearTimeout(settle.current);
      void worker.close(key);
    };
    // The session follows the shown result; its settings are read once when it opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, composable, reopen]);

  return { settings: composable ? settings : null, change, registration, previewing, error };
}
