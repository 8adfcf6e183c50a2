import { lazy, type ComponentType } from 'react';

/**
 * Loads a view that uses react-query (the gallery, its recent strip, the providers) together
 * with the query client, and renders it inside the client's provider, so react-query stays
 * off the first screen's JS.
 */
export async function loadWithQueries<P extends object>(
  load: () => Promise<ComponentType<P>>,
): Promise<ComponentType<P>> {
  const [View, { QueryProvider }] = await Promise.all([load(), import('./query-provider.tsx')]);
  return function WithQueries(props: P) {
    return (
      <QueryProvider>
        <View {...props} />
      </QueryProvider>
    );
  };
}

/** React.lazy over loadWithQueries, for what shows inside a Suspense boundary. */
export function lazyWithQueries<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await loadWithQueries(load) }));
}
