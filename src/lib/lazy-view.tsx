import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A component whose code loads when it is first rendered, shown WITHOUT Suspense. React holds
 * a Suspense boundary's content back for about 300 ms after its fallback appeared (to batch
 * reveals), so a view behind React.lazy showed ~300 ms after its tab was pressed even when its
 * code had long arrived. Here the fallback shows until the code is in, then the view, in the
 * next commit; once loaded, the view renders at once.
 *
 * A failed load is thrown while rendering, for the nearest error boundary (ViewBoundary); its
 * "Try again" loads anew (React.lazy would throw the same failure again).
 */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode,
) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const loadOnce = () =>
    (loading ??= load().then(
      (view) => (loaded = view),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));

  function LazyView(props: P) {
    const [state, setState] = useState<{ view?: ComponentType<P>; error?: unknown }>(() => ({
      view: loaded,
    }));
    useEffect(() => {
      if (state.view) return;
      let live = true;
      loadOnce().then(
        (view) => live && setState({ view }),
        (error: unknown) => live && setState({ error }),
      );
      return () => {
        live = false;
      };
    }, [state.view]);
    if (state.error !== undefined) throw state.error;
    const View = state.view;
    return View ? <View {...props} /> : fallback;
  }
  return LazyView;
}
