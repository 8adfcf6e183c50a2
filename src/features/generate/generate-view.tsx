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

function generate(submission: PromptSubmission) {
  void startGeneration(submission);
  // On a phone the sheet makes way for the picture being made.
  usePanelDrawer.getState().setOpen('generate', false);
}

/** The generate workspace: prompt and settings on the side (a sheet on narrow screens), the results beside. */
export function GenerateView() {
  const prompt = useDraftStore((s) => s.drafts.generate.prompt);
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
        <JobList operations={['generate', 'variation']} empty={<EmptyResults />} />
      </div>
    </div>
  );
}
