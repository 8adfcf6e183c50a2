import type { ObservabilitySet } from 'dexie';
import { GALLERY_DB_NAME, galleryExists, whenGalleryDbLoads } from './gallery-presence.ts';

/** What a write changed names its table under this prefix (`idb://easel-gallery/entries/…`). */
export const GALLERY_PART_PREFIX = `idb://${GALLERY_DB_NAME}/`;
/** Dexie's own BroadcastChannel for writes in other tabs (dexie 4, STORAGE_MUTATED_DOM_EVENT_NAME). */
const DEXIE_TABS_CHANNEL = 'x-storagemutated-1';

/**
 * Calls `listener` after every committed write to the gallery database — a save, a delete,
 * an undo, an import — in this tab or another (Dexie's `storagemutated` event), and once as
 * it starts listening. Dexie loads only once there is a gallery database: on a first visit
 * it is created by the first save in this tab (gallery-db.ts announces its loading) or in
 * another tab (heard on the channel Dexie tells other tabs of its writes on). Either way the
 * listener is called then, as the write that created it may have come before it listened.
 */
export function onGalleryWrites(listener: (parts: ObservabilitySet | null) => void): void {
  const subscribe = () =>
    void import('dexie').then(({ Dexie }) => {
      Dexie.on('storagemutated', listener);
      listener(null);
    });
  void galleryExists().then((exists) => {
    if (exists) return subscribe();
    const tabs =
      typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(DEXIE_TABS_CHANNEL);
    let waiting = true;
    const once = () => {
      if (!waiting) return;
      waiting = false;
      tabs?.close();
      subscribe();
    };
    whenGalleryDbLoads(once);
    if (tabs)
      tabs.onmessage = (event: MessageEvent<ObservabilitySet | null>) => {
        const parts = Object.keys(event.data ?? {});
        if (parts.some((part) => part.startsWith(GALLERY_PART_PREFIX))) once();
      };
  });
}
