import { useActiveProvider } from '../../providers/provider-store.ts';
import { openProviderSettings } from '../../providers/provider-dialog-store.ts';
import { useViewStore } from '../../../lib/studio-view.ts';
import { lazyWithQueries } from '../../../lib/lazy-with-queries.tsx';
import { useGalleryExists } from '../../gallery-store/use-gallery-exists.ts';
import { Suspense } from 'react';
import './empty-results.css';

// The gallery's database code loads after the first paint, with the strip of recent images,
// and only when this browser has a gallery (never on a first visit).
const RecentStrip = lazyWithQueries(() =>
  import('../../gallery/recent-strip.tsx').then((m) => m.RecentStrip),
);

/** What the workspace says before the first request of the session. */
export function EmptyResults() {
  const provider = useActiveProvider();
  const showView = useViewStore((s) => s.showView);
  // In the prerendered first screen: the strip comes once the answer does.
  const hasGallery = useGalleryExists({ prerendered: true });
  return (
    <div className="empty">
      <div className="empty__art" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <h3 className="empty__title">Your images will appear here</h3>
      <p className="empty__text">
        Write a prompt, choose a model and press <strong>Generate</strong> (or Ctrl+Enter). Several
        requests can run at once; every result is kept in the{' '}
        <button type="button" className="link-button" onClick={() => showView('gallery')}>
          gallery
        </button>
        .
      </p>
      {provider.kind === 'local' ? (
        <p className="empty__text empty__text--muted">
          You are on the local engine: it works offline and draws procedural pictures, not AI
          images.{' '}
          <button type="button" className="link-button" onClick={openProviderSettings}>
            Connect OpenAI or another provider
          </button>{' '}
          to generate for real.
        </p>
      ) : null}
      {hasGallery && (
        <Suspense fallback={null}>
          <RecentStrip limit={6} />
        </Suspense>
      )}
    </div>
  );
}
