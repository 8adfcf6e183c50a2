/**
 * The Edit view's heavy part (Konva and the editor's flows), loaded lazily by EditView so
 * none of it weighs on the studio's entry bundle.
 */
import { Tooltip } from 'radix-ui';
import { lazy, Suspense, useEffect, useRef, useState, type ComponentProps } from 'react';
import { usePrepareForEditModel } from '../hooks/use-prepare-for-edit-model.ts';
import { useEditorShortcuts } from '../hooks/use-editor-shortcuts.ts';
import { useImageIntake } from '../hooks/use-image-intake.ts';
import { useSessionPersistence } from '../hooks/use-session-persistence.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { CropDialog } from './crop-dialog.tsx';
import { EditSidePanel } from './edit-side-panel.tsx';
import { ImageDropzone } from './image-dropzone.tsx';
import { ReplaceImageDialog } from './replace-image-dialog.tsx';
import { SourceBar } from './source-bar.tsx';
import { PanelToggle } from '../../../lib/ui/panel-drawer.tsx';
import { useDraftStore } from '../../prompt/draft-store.ts';
import '../editor.css';
import './status-line.css';

// The stage (Konva, ~100 KB gzip) loads once there is an image to edit, or one is on its
// way: the empty editor, the first thing the Edit tab shows, does not wait for it.
type EditAreaComponent = (typeof import('./edit-area.tsx'))['EditArea'];
/** The stage's component once its code has loaded (it starts loading as an image opens). */
let loadedEditArea: EditAreaComponent | null = null;
const loadEditArea = () =>
  import('./edit-area.tsx').then((m) => {
    loadedEditArea = m.EditArea;
    return m;
  });
const LazyEditArea = lazy(() => loadEditArea().then((m) => ({ default: m.EditArea })));

/**
 * The stage, rendered directly when its code is already here. A lazy component suspends on
 * its first render even then, and React holds a revealed fallback for ~300 ms: the picture
 * came ~320 ms after its caption. Chosen once per mount, as switching would remount it.
 */
function StageArea(props: ComponentProps<EditAreaComponent>) {
  const [Area] = useState(() => loadedEditArea ?? LazyEditArea);
  return <Area {...props} />;
}

export default function EditorWorkspace() {
  const area = useRef<HTMLElement>(null);
  const dragging = useImageIntake(area);
  useSessionPersistence();
  useEditorShortcuts();
  usePrepareForEditModel();
  const status = useSessionStore((s) => s.status);
  const prepared = useSessionStore((s) => s.prepared);
  const mask = useSessionStore((s) => s.mask);
  const intakeError = useSessionStore((s) => s.intakeError);
  const saveError = useSessionStore((s) => s.saveError);
  const prompt = useDraftStore((s) => s.drafts.edit.prompt);
  const opening = status === 'opening' || status === 'preparing';
  useEffect(() => {
    if (opening) void loadEditArea();
  }, [opening]);

  return (
    <Tooltip.Provider delayDuration={400}>
      <section className="editor" ref={area} aria-labelledby="edit-title">
        {/* First, as Generate's panel is: on the left, and first for the keyboard too. */}
        <EditSidePanel />
        <div className="editor__main">
          <SourceBar />
          <div className="editor__compose">
            <PanelToggle id="edit" label="Prompt" preview={prompt || 'Describe the change…'} />
          </div>
          {intakeError && (
            <div role="alert" className="editor-error editor-error--banner">
              <span>{intakeError}</span>
              <button
                type="button"
                className="button button--ghost"
                onClick={() => {
                  useSessionStore.setState({ intakeError: null });
                  // The button leaves with its message: the focus goes to the way on.
                  area.current?.querySelector<HTMLElement>('[data-open-image]')?.focus();
                }}
              >
                Dismiss
              </button>
            </div>
          )}
          {saveError && (
            <p role="status" className="editor-warning">
              {saveError}
            </p>
          )}
          {prepared && mask ? (
            <Suspense fallback={<ImageDropzone busy />}>
              <StageArea image={prepared.bitmap} mask={mask} prepared={prepared} />
            </Suspense>
          ) : (
            <ImageDropzone busy={opening} />
          )}
        </div>
        <CropDialog />
        <ReplaceImageDialog />
        {dragging && (
          <div className="editor__drop-hint" aria-hidden="true">
            Drop the image to open it
          </div>
        )}
      </section>
    </Tooltip.Provider>
  );
}
