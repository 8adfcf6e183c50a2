import { JobList, preloadJobCards } from './results/job-list.tsx';
import { preloadGeneration, startGeneration } from './start-generation.ts';
import { PromptPanel } from '../prompt/prompt-panel.tsx';
import { EmptyResults } from './components/empty-results.tsx';
import './generate.css';

/** Composing a prompt is the moment to fetch what sending it and showing its result run on. */
function preloadForResults() {
  preloadGeneration();
  preloadJobCards();
}

/** The generate workspace: prompt and settings on the side, the queue and results beside. */
export function GenerateView() {
  return (
    <div className="studio">
      <aside className="studio__panel" aria-label="Compose" onFocus={preloadForResults}>
        <PromptPanel
          operation="generate"
          submitLabel="Generate"
          onSubmit={(s) => void startGeneration(s)}
        />
      </aside>
      <div className="studio__workspace">
        <JobList operations={['generate', 'variation']} empty={<EmptyResults />} />
      </div>
    </div>
  );
}
