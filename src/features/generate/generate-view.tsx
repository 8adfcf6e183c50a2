import { useState } from 'react';
import { PanelDrawer, PanelToggle, usePanelDrawer } from '../../lib/ui/panel-drawer.tsx';
import { useDraftStore } from '../prompt/draft-store.ts';
import { PromptPanel, type PromptSubmission } from '../prompt/prompt-panel.tsx';
import { JobList, preloadJobCards } from './results/job-list.tsx';
import { preloadGeneration, startGeneration } from './start-generation.ts';
import { EmptyResults } from './components/empty-results.tsx';
import './generate.css';

/** Composing a prompt is the moment to fetch what sending it and showing its result run on. */
function preloadForResults() {
  preloadGeneration();
  preloadJobCards();
}

/** The generate workspace: prompt and settings on the side (a sheet on narrow screens), the results beside. */
export function GenerateView() {
  const prompt = useDraftStore((s) => s.drafts.generate.prompt);
  // A request whose sending code could not load (offline, or the studio's server gone before
  // the first generation fetched it): nothing was sent, and the designer must hear it.
  const [unsent, setUnsent] = useState<PromptSubmission | null>(null);
  const generate = (submission: PromptSubmission) => {
    setUnsent(null);
    startGeneration(submission).catch(() => setUnsent(submission));
    // On a phone the sheet makes way for the picture being made.
    usePanelDrawer.getState().setOpen('generate', false);
  };
  return (
    <div className="studio">
      <PanelDrawer
        id="generate"
        title="Prompt and settings"
        className="studio__panel"
        onFocus={preloadForResults}
      >
        <PromptPanel operation="generate" submitLabel="Generate" onSubmit={generate} />
      </PanelDrawer>
      <div className="studio__workspace">
        <div className="studio__compose">
          <PanelToggle id="generate" label="Prompt" preview={prompt || 'Describe an image…'} />
        </div>
        {unsent ? (
          <div className="callout callout--danger studio__unsent" role="alert">
            <p className="callout__title">This request was not sent.</p>
            <p>
              Easel could not load the part of the studio that sends it: the connection, or the
              server the studio comes from, is down. Your prompt and settings are kept.
            </p>
            <button type="button" className="button button--small" onClick={() => generate(unsent)}>
              Try again
            </button>
          </div>
        ) : null}
        <JobList operations={['generate', 'variation']} empty={<EmptyResults />} />
      </div>
    </div>
  );
}
