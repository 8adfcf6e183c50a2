import { lazy, Suspense, useState } from 'react';
import { useUndoStore } from '../stores/undo-store.ts';

// Radix Toast loads with the first delete, not with the Gallery view.
const UndoDeleteToast = lazy(() =>
  import('./undo-delete-toast.tsx').then((m) => ({ default: m.UndoDeleteToast })),
);

/** The "Deleted … · Undo" notice, from the first delete on (undo-delete-toast.tsx). */
export function LazyUndoDeleteToast() {
  const deleted = useUndoStore((s) => s.lastDelete !== null);
  const [needed, setNeeded] = useState(false);
  if (deleted && !needed) setNeeded(true);
  return needed ? (
    <Suspense fallback={null}>
      <UndoDeleteToast />
    </Suspense>
  ) : null;
}
