import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Tabs } from 'radix-ui';
import { queryClient } from '../lib/query-client.ts';
import { ThemeToggle } from './theme-toggle.tsx';
import { KeyboardShortcutsDialog } from './shortcuts/keyboard-shortcuts-dialog.tsx';
import { ShortcutsButton } from './shortcuts/shortcuts-button.tsx';
import { useViewStore, type StudioView } from '../lib/studio-view.ts';
import { GenerateView } from '../features/generate/generate-view.tsx';
import { EditView } from '../features/editor/edit-view.tsx';
import { ProvidersDialog } from '../features/providers/providers-dialog.tsx';
import { SquareQuestionDialog } from '../features/jobs/square-question-dialog.tsx';
import { useReachabilityWatch } from '../features/providers/use-reachability-watch.ts';

// The gallery (grid, archive zip, virtual list) loads when first shown, not with the studio.
const GalleryView = lazy(() =>
  import('../features/gallery/gallery-view.tsx').then((m) => ({
    default: m.GalleryView,
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
  useReachabilityWatch();
  return (
    <QueryClientProvider client={queryClient}>
      <Tabs.Root
        className="shell"
        value={view}
        onValueChange={(v) => showView(v as StudioView)}
        activationMode="manual"
      >
        <header className="shell__header">
          <div className="shell__brand">
            <img src="/favicon.svg" alt="" width={24} height={24} />
            <h1>Easel</h1>
          </div>
          <Tabs.List className="shell__tabs" aria-label="Workspace">
            {VIEWS.map((v) => (
              <Tabs.Trigger
                key={v.id}
                value={v.id}
                className="shell__tab"
                // The selected tab is the one Tab reaches, also after a feature switched views
                // (send to editor…): Radix would keep the tab that last had focus.
                tabIndex={v.id === view ? 0 : -1}
              >
                {v.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <div className="shell__actions">
            <ShortcutsButton />
            <ThemeToggle />
          </div>
        </header>
        <main className="shell__main">
          <Tabs.Content value="generate" className="shell__view">
            <GenerateView />
          </Tabs.Content>
          <Tabs.Content value="edit" className="shell__view">
            <EditView />
          </Tabs.Content>
          <Tabs.Content value="gallery" className="shell__view">
            <Suspense fallback={<ViewLoading title="Gallery" />}>
              <GalleryView />
            </Suspense>
          </Tabs.Content>
        </main>
      </Tabs.Root>
      <ProvidersDialog />
      <KeyboardShortcutsDialog />
      <SquareQuestionDialog />
    </QueryClientProvider>
  );
}

function ViewLoading({ title }: { title: string }) {
  return (
    <section className="workspace" aria-busy="true" aria-label={title}>
      <p role="status">Loading the {title.toLowerCase()}…</p>
    </section>
  );
}
