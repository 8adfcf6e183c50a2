import { useId, useSyncExternalStore, type ReactNode } from 'react';
import './more-settings.css';

/** A preference, not tab context: a designer who opened the extras wants them in every tab. */
const STORAGE_KEY = 'easel.moreSettings';

function recallOpen(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'open';
  } catch {
    return false;
  }
}

const listeners = new Set<() => void>();

function rememberOpen(open: boolean): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, open ? 'open' : 'closed');
  } catch {
    // Storage blocked: the disclosure simply starts closed after a reload.
  }
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  // Another tab folding or unfolding it follows along.
  globalThis.addEventListener?.('storage', notify);
  return () => {
    listeners.delete(notify);
    globalThis.removeEventListener?.('storage', notify);
  };
}

/** Closed while hydrating: the prerendered first screen cannot know the preference. */
const closedOnServer = () => false;

interface MoreSettingsProps {
  /** Held open while something inside needs the user's eye (a provider refusing one of them). */
  forceOpen?: boolean;
  children: ReactNode;
}

/**
 * Settings most people never touch, folded away so the prompt and the everyday settings fit.
 * Starts closed on the server and the first client render (the first screen is prerendered),
 * then opens if the user left it open last time.
 */
export function MoreSettings({ forceOpen = false, children }: MoreSettingsProps) {
  const open = useSyncExternalStore(subscribe, recallOpen, closedOnServer);
  const regionId = useId();
  const shown = open || forceOpen;
  const toggle = () => rememberOpen(!shown);
  return (
    <div className="more-settings">
      <button
        type="button"
        className="more-settings__toggle"
        aria-expanded={shown}
        aria-controls={regionId}
        onClick={toggle}
      >
        <span className="more-settings__chevron" aria-hidden="true" />
        More settings
      </button>
      <div id={regionId} className="more-settings__body" hidden={!shown}>
        {shown ? children : null}
      </div>
    </div>
  );
}
