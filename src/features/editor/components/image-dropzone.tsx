import { useEffect, useRef, useState } from 'react';
import { lazyWithQueries } from '../../../lib/lazy-with-queries.tsx';
import { WhenFirstOpened } from '../../../lib/ui/when-first-opened.tsx';
import { useGalleryExists } from '../../gallery-store/use-gallery-exists.ts';
import { openGalleryEntry } from '../gallery/open-gallery-entry.ts';
import { focusLeftForNowhere } from '../intake/focus-handoff.ts';
import { imageTasks } from '../intake/image-tasks.ts';
import { OpenImageButton } from './open-image-button.tsx';
import './image-dropzone.css';

// The picker (react-query, the gallery's reads) loads when first opened.
const GalleryPickerDialog = lazyWithQueries(() =>
  import('../gallery/gallery-picker-dialog.tsx').then((m) => m.default),
);

/**
 * Starts the image worker once the empty editor has painted, while the designer finds a
 * file: the open then begins decoding at once. A worker that cannot start says so when the
 * image is opened.
 */
function useImageWorkerWarm() {
  useEffect(() => {
    const warm = () => void imageTasks.warmUp().catch(() => {});
    // Safari has no idle callbacks: a short timer lets the view paint first all the same.
    if (!('requestIdleCallback' in globalThis)) {
      const timer = setTimeout(warm, 200);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(warm, { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, []);
}

/**
 * Notes when the focus leaves the empty editor for nowhere: a button pressed to bring an
 * image in is removed as it opens (a native listener: it still hears the removal's focusout).
 */
function useFocusHandoff() {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onFocusOut = (event: FocusEvent) => {
      if (!event.relatedTarget) focusLeftForNowhere();
    };
    el.addEventListener('focusout', onFocusOut);
    return () => el.removeEventListener('focusout', onFocusOut);
  }, []);
  return root;
}

/** The empty editor: four ways to bring an image in. */
export function ImageDropzone({ busy }: { busy: boolean }) {
  const hasGallery = useGalleryExists();
  useImageWorkerWarm();
  const root = useFocusHandoff();
  const [picking, setPicking] = useState(false);
  // While an image opens, the choices step aside: a second "Choose image…" beside the
  // header's "Open another image…" would offer the same thing twice, under a heading that
  // says there is no image.
  if (busy) {
    return (
      <div className="editor-dropzone" ref={root}>
        <div className="editor-dropzone__inner">
          <p role="status" className="editor-dropzone__busy">
            Opening the image…
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="editor-dropzone" ref={root}>
      <div className="editor-dropzone__inner">
        <h3>Bring in an image to edit</h3>
        <p>
          Drop it here, paste it with <kbd>Ctrl</kbd>+<kbd>V</kbd>, or choose a file. PNG, JPEG,
          WebP, GIF and any other image your browser opens.
          {hasGallery && ' Images in the gallery can be dragged onto the Edit tab, or picked here.'}
        </p>
        <div className="editor-dropzone__choices">
          <OpenImageButton label="Choose image…" primary />
          {hasGallery && (
            <button type="button" className="button" onClick={() => setPicking(true)}>
              Pick from the gallery…
            </button>
          )}
        </div>
      </div>
      <WhenFirstOpened open={picking}>
        <GalleryPickerDialog
          open={picking}
          onOpenChange={setPicking}
          onPick={(id) => void openGalleryEntry(id)}
        />
      </WhenFirstOpened>
    </div>
  );
}
