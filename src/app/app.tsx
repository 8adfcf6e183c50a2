import { lazy, useEffect, useLayoutEffect } from 'react';
import { ThemeToggle } from './theme-toggle.tsx';
import { WorkspacePanel, WorkspaceTabList } from './workspace-tabs.tsx';
import { ShortcutsButton } from './shortcuts/shortcuts-button.tsx';
import { useShortcutsDialog } from './shortcuts/shortcuts-dialog-store.ts';
import { useAppShortcuts } from './shortcuts/use-app-shortcuts.ts';
import { restoreView, useViewStore, type StudioView } from '../lib/studio-view.ts';
import { WhenFirstOpened } from '../lib/ui/when-first-opened.tsx';
import { lazyWithQueries, loadWithQueries } from '../lib/lazy-with-queries.tsx';
import { lazyView } from '../lib/lazy-view.tsx';
import { ViewBoundary } from '../lib/ui/view-boundary.tsx';
import { GenerateView } from '../features/generate/generate-view.tsx';
import { EditView } from '../features/editor/edit-view.tsx';
import { useProviderDialogStore } from '../features/providers/provider-dialog-store.ts';
import { useSquareQuestion } from '../features/jobs/square-question.ts';
import { galleryExists } from '../features/gallery-store/gallery-presence.ts';
import { hasUnrecordedJobs } from '../features/jobs/unrecorded-jobs.ts';
import { useReachabilityWatch } from '../features/providers/use-reachability-watch.ts';
import { prefetchGallery } from '../features/gallery/prefetch-gallery.ts';
import { WarnBeforeUnload } from '../features/jobs/use-warn-before-unload.ts';
import { restoreTabJobs } from '../features/jobs/tab-jobs.ts';

// What the first screen does not show loads when first wanted, not with the studio: the
// gallery (grid, archive zip, virtual list) when first shown, the dialogs when first opened.
const GalleryView = lazyView(
  () => {
    prefetchGallery(); // the database read runs while the view's code loads
    return loadWithQueries(() =>
      import('../features/gallery/gallery-view.tsx').then((m) => m.GalleryView),
    );
  },
  <ViewLoading title="Gallery" />,
);
const ProvidersDialog = lazyWithQueries(() =>
  import('../features/providers/providers-dialog.tsx').then((m) => m.ProvidersDialog),
);
const SquareQuestionDialog = lazy(() =>
  import('../features/jobs/square-question-dialog.tsx').then((m) => ({
    default: m.SquareQuestionDialog,
  })),
);
const KeyboardShortcutsDialog = lazy(() =>
  import('./shortcuts/keyboard-shortcuts-dialog.tsx').then((m) => ({
    default: m.KeyboardShortcutsDialog,
  })),
);

const VIEWS: { id: StudioView; label: string }[] = [
  { id: 'generate', label: 'Generate' },
  { id: 'edit', label: 'Edit' },
  { id: 'gallery', label: 'Gallery' },
];

/** The studio shell: a header with the three workspaces, and the current one below. */
export function App() {
  const view = useViewStore((s) => s.view);
  const showView = useViewStore((s) => s.showView);
  const providersOpen = useProviderDialogStore((s) => s.open);
  const shortcutsOpen = useShortcutsDialog((s) => s.open);
  const askingSquare = useSquareQuestion((s) => s.asking !== null);
  useReachabilityWatch();
  useAppShortcuts();
  // The studio answers clicks from here on (bench/load.ts times it; the first screen was
  // painted from prerendered HTML well before). In the commit itself, not an effect after it.
  useLayoutEffect(() => {
    performance.mark('easel:interactive');
  }, []);
  // After hydration (the prerendered page is the Generate view with nothing stored): the view
  // this tab was on, then — off the first screen's code — jobs a reload interrupted and
  // thumbnails a reload left unmade.
  useEffect(() => {
    restoreView();
    // The results this tab showed before a reload (their images come from the gallery).
    restoreTabJobs();
    // Both live in the gallery's database: on a first visit there is none, and neither its
    // code nor Dexie is fetched (nor the database created before the first save).
    void galleryExists().then((exists) => {
      // A job sent on a first visit may have left before its database existed.
      if (exists || hasUnrecordedJobs())
        void import('../features/jobs/restore-interrupted-jobs.ts').then((m) =>
          m.restoreInterruptedJobs(),
        );
      if (!exists) return;
      void import('../features/gallery-store/repair-thumbnails.ts').then((m) =>
        m.repairThumbnailsWhenIdle(),
      );
    });
  }, []);
  return (
    <>
      <WarnBeforeUnload />
      <div className="shell">
        <header className="shell__header">
          <div className="shell__brand">
            <img src="/favicon.svg" alt="" width={24} height={24} />
            <h1>Easel</h1>
          </div>
          <WorkspaceTabList
            views={VIEWS}
            value={view}
            onChange={showView}
            // Reaching for the gallery starts reading it (its view loads and reads 1000s).
            onReach={(v) => v === 'gallery' && prefetchGallery()}
          />
          <div className="shell__actions">
            <ShortcutsButton />
            <ThemeToggle />
          </div>
        </header>
        <main className="shell__main">
          <WorkspacePanel view="generate" shown={view}>
            <ViewBoundary title="Generate">
              <GenerateView />
            </ViewBoundary>
          </WorkspacePanel>
          <WorkspacePanel view="edit" shown={view}>
            <ViewBoundary title="Editor">
              <EditView />
            </ViewBoundary>
          </WorkspacePanel>
          <WorkspacePanel view="gallery" shown={view}>
            <ViewBoundary title="Gallery">
              <GalleryView />
            </ViewBoundary>
          </WorkspacePanel>
        </main>
      </div>
      <WhenFirstOpened open={providersOpen}>
        <ViewBoundary title="Provider settings">
          <ProvidersDialog />
        </ViewBoundary>
      </WhenFirstOpened>
      <WhenFirstOpened open={shortcutsOpen}>
        <KeyboardShortcutsDialog />
      </WhenFirstOpened>
      <WhenFirstOpened open={askingSquare}>
        <SquareQuestionDialog />
      </WhenFirstOpened>
    </>
  );
}

function ViewLoading({ title }: { title: string }) {
  return (
    <section className="workspace" aria-busy="true" aria-label={title}>
      <p role="status">Loading the {title.toLowerCase()}…</p>
    </section>
  );
}
