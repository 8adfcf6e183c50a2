/**
 * The gallery's notice: progress and outcome of an export or import (one runs at a time),
 * and any failed action, said plainly with what to do.
 */
export type ArchiveStatus =
  | { state: 'idle' }
  | { state: 'working'; message: string; cancel?: () => void }
  | { state: 'done'; message: string; problems?: string[] }
  | { state: 'failed'; message: string; problems: string[] }
  /** An import a closed tab cut short: finish it (import again) or undo it. */
  | { state: 'interrupted'; message: string; importId: string };
