/**
 * Keeps useDeletedResults: asks again which of the tab's results are gone a moment after
 * the gallery's writes settle, off the path of results being made and shown.
 */
import { onGalleryWrites } from '../gallery-store/gallery-write-events.ts';
import { useDeletedResults } from './deleted-results.ts';
import { useJobStore } from './job-store.ts';

/**
 * A second after the last of a burst of writes: a save (and the thumbnail written after it)
 * is a write too, and asking right after one met the next generation's save in the database
 * (its bytes were durable ~5 ms later, bench:ab-generate). A designer who deleted in the
 * Gallery takes longer than that to come back.
 */
const CHECK_DELAY_MS = 1000;

async function check(): Promise<void> {
  const ids = useJobStore.getState().jobs.flatMap((job) => job.entryIds ?? []);
  const { missingEntries } = await import('../gallery-store/gallery-reads.ts');
  const missing = ids.length > 0 ? await missingEntries(ids) : [];
  const known = useDeletedResults.getState().missing;
  if (missing.length === known.size && missing.every((id) => known.has(id))) return;
  useDeletedResults.setState({ missing: new Set(missing) });
}

let watching = false;

/** Starts following the gallery (once): called as the first result card shows. */
export function watchDeletedResults(): void {
  if (watching) return;
  watching = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onGalleryWrites(() => {
    clearTimeout(timer);
    timer = setTimeout(
      () => void check().catch((error: unknown) => console.warn('Easel: deleted results', error)),
      CHECK_DELAY_MS,
    );
  });
}
