import { lazy, type ComponentType } from 'react';

/**
 * React.lazy for a view that uses react-query (the gallery, its recent strip, the providers):
 * loads it together with the query client and renders it inside the client's provider, so
 * react-query stays off the first screen's JS.
 */
export function lazyWithQueries<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    const [View, { QueryProvider }] = await Promise.all([load(), import('./query-provider.tsx')]);
    return {
      default: (props: P) => (
        <QueryProvider>
          <View {...props} />
        </QueryProvider>
      ),
    };
  });
}
