import {
  memo,
  Suspense,
  use,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
  type ComponentType,
} from 'react';

/**
 * A control whose code is split from the studio's entry chunk (a Radix slider or radio group)
 * and fetched as soon as the entry runs, while the prerendered first screen shows it already.
 * React hydrates it on its own once its code is there (selective hydration), the rest of the
 * page does not wait for it. Until then it is inert and hidden from assistive technology, so
 * a click or a test cannot reach a control that would not answer.
 *
 * Props reach the control through a small store of the island's own, never as props of the
 * island's Suspense boundary: a boundary still waiting for its code that received new props
 * (stored settings applied after hydration) would make React throw its HTML away and render
 * it anew.
 */
export function island<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let Loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const start = () =>
    (loading ??= load().then((component) => {
      Loaded = component;
      return component;
    }));
  // Fetch now: the first screen shows it. The prerender waits for it (whenIslandsLoaded).
  loads.push(start());

  const Control = memo(function IslandControl({ props }: { props: PropsStore<P> }) {
    // While hydrating, the props the page was rendered with; the latest from then on.
    const current = useSyncExternalStore(props.subscribe, props.latest, props.first);
    useLayoutEffect(() => props.markReady(), [props]);
    // After the hooks: React replays a component that suspended with the same hooks in order.
    const Component = Loaded ?? use(start());
    return <Component {...current} />;
  });

  function Island(props: P) {
    const [store] = useState(() => propsStore(props));
    // One element for the island's lifetime: React sees no change to the boundary.
    const [boundary] = useState(() => (
      <Suspense fallback={null}>
        <Control props={store} />
      </Suspense>
    ));
    const ready = useSyncExternalStore(store.subscribe, store.ready, () => false);
    useLayoutEffect(() => store.publish(props));
    return (
      <span style={{ display: 'contents' }} inert={!ready} aria-hidden={ready ? undefined : true}>
        {boundary}
      </span>
    );
  }
  return Island;
}

const loads: Promise<unknown>[] = [];

/**
 * Settles when every island's code has loaded. The build's prerender waits for it, so its
 * HTML holds each control rendered in place rather than a boundary completed later by an
 * inline script, which the page's policy would refuse.
 */
export function whenIslandsLoaded(): Promise<unknown> {
  return Promise.all(loads);
}

interface PropsStore<P> {
  subscribe: (listener: () => void) => () => void;
  first: () => P;
  latest: () => P;
  ready: () => boolean;
  publish: (props: P) => void;
  markReady: () => void;
}

function propsStore<P>(initial: P): PropsStore<P> {
  let latest = initial;
  let ready = false;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    first: () => initial,
    latest: () => latest,
    ready: () => ready,
    publish: (props) => {
      if (props === latest) return;
      latest = props;
      notify();
    },
    markReady: () => {
      if (ready) return;
      ready = true;
      notify();
    },
  };
}
