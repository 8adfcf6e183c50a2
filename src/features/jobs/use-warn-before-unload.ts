import { useEffect } from 'react';
import { isActive, useJobStore } from './job-store.ts';

/**
 * While a request runs or its images are being saved, leaving the page asks first: the
 * request was sent (a paid provider may charge it) and its result would not arrive.
 */
export function useWarnBeforeUnload(): void {
  const busy = useJobStore((s) => s.jobs.some(isActive));
  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium shows the dialog only when returnValue is set.
      event.returnValue = '';
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [busy]);
}

/**
 * The hook as a component of its own, rendered beside the shell: a job starting or ending
 * then redraws nothing else. (In the shell itself, the whole studio re-rendered in the very
 * task that shows a finished job's picture.)
 */
export function WarnBeforeUnload(): null {
  useWarnBeforeUnload();
  return null;
}
