import { Suspense, useState, useSyncExternalStore, type ReactNode } from 'react';

const subscribeNever = () => () => undefined;

/**
 * Renders `children` (a lazily loaded dialog) from the first time `open` is true, and keeps
 * them from then on so the dialog closes and reopens as usual. Its code therefore loads when
 * first wanted, not with the studio. Never while hydrating: the prerendered page has no
 * dialog, so the first client render must not have one either.
 */
export function WhenFirstOpened({ open, children }: { open: boolean; children: ReactNode }) {
  // False while React hydrates the prerendered page (the server's answer), true after.
  const hydrated = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const [opened, setOpened] = useState(false);
  if (hydrated && open && !opened) setOpened(true);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}
