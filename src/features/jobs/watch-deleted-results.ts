/**
 * Keeps useDeletedResults: asks again which of the tab's results are gone a moment after
 * each gallery write, off the path of a result being shown (its save is a write too).
 */
import { onGalleryWrites } from '../gallery-store/gallery-write-events.ts';
import { useDeletedResults } from './deleted-results.ts';
import { useJobStore } from './job-store.ts';

/** Long enough after a save for its result to have been shown; short to a designer. */
const CHECK_DELAY_MS = 250;

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
