/*
 * A control whose real implementation (a Radix primitive with its popper and focus code) loads
 * when the designer first reaches for it — pointer over it, focus, press — while a plain
 * button stands in, looking and reading the same. A press on the stand-in opens the real
 * control as soon as it has loaded. Serves Select (first screen) and Menu (gallery).
 */
import { useState, useSyncExternalStore, type ComponentType, type KeyboardEvent } from 'react';

/** Keys that open a closed drop-down or menu. */
const OPENING_KEYS = ['Enter', ' ', 'ArrowDown', 'ArrowUp'];

/** One lazily loaded control: `load()` starts the import once; `useLoaded()` is it, or undefined. */
export function loadOnReach<P>(importer: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    load: (): void => {
      loading ??= importer().then(
        (control) => {
          loaded = control;
          listeners.forEach((l) => l());
        },
        () => (loading = undefined), // a failed fetch is tried again on the next reach
      );
    },
    /** Never during hydration: the prerendered page has the stand-in. */
    useLoaded: () =>
      useSyncExternalStore(
        subscribe,
        () => loaded,
        () => undefined,
      ),
  };
}

/**
 * The stand-in's state: `opened` is passed to the real control once loaded (open it if the
 * stand-in was pressed, focus it if it held the focus); `triggerProps` go on the stand-in;
 * `open()` is its press.
 */
export function useStandIn(load: () => void) {
  const [pressed, setPressed] = useState(false);
  const [focused, setFocused] = useState(false);
  const open = () => {
    setPressed(true);
    load();
  };
  return {
    opened: { defaultOpen: pressed, autoFocus: pressed || focused },
    open,
    triggerProps: {
      onPointerEnter: load,
      onFocus: () => {
        setFocused(true);
        load();
      },
      onBlur: () => setFocused(false),
      onKeyDown: (e: KeyboardEvent) => {
        if (OPENING_KEYS.includes(e.key)) {
          e.preventDefault();
          open();
        }
      },
    },
  };
}
