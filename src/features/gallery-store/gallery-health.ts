/**
 * Whether the gallery may be written. Easel stops writing after the first write that failed
 * because storage is full, and when the browser replaced the database with an empty one:
 * on a full disk Chromium fails writes with an IOError and, after a few, deletes and
 * recreates the whole database, so every further attempt risks the gallery itself and a
 * "Saved" into the fresh database would be a lie. Saving resumes when the user says so:
 * "Try saving again" on a result after freeing space, or "Start a new gallery" after a loss.
 */
import { create } from 'zustand';

export type SavingStop =
  /**
   * A write failed: the device's disk is full, the browser's quota for the site is, or the
   * browser did not say why (on a full disk Chromium sometimes gives no reason).
   */
  | { cause: 'disk' | 'quota' | 'failed'; at: number }
  /** The database was emptied and recreated by the browser since `lostSince`. */
  | { cause: 'lost'; at: number; lostSince: number };

interface GalleryHealthState {
  stopped: SavingStop | null;
}

export const useGalleryHealth = create<GalleryHealthState>()(() => ({ stopped: null }));

export const savingStop = (): SavingStop | null => useGalleryHealth.getState().stopped;

export function stopSaving(stop: SavingStop): void {
  // A lost database outranks a full one: it is what the user must hear about.
  if (savingStop()?.cause === 'lost' && stop.cause !== 'lost') return;
  useGalleryHealth.setState({ stopped: stop });
}

export function resumeSaving(): void {
  useGalleryHealth.setState({ stopped: null });
}
