import { JobList } from './results/job-list.tsx';
import { startGeneration } from './start-generation.ts';
import { PromptPanel } from '../prompt/prompt-panel.tsx';
import { EmptyResults } from './components/empty-results.tsx';
import './generate.css';

/** The generate workspace: prompt and settings on the side, the queue and results beside. */
export function GenerateView() {
  return (
    <div className="studio">
      <aside className="studio__panel" aria-label="Compose">
        <PromptPanel operation="generate" submitLabel="Generate" onSubmit={startGeneration} />
      </aside>
      <div className="studio__workspace">
        <JobList operations={['generate', 'variation']} empty={<EmptyResults />} />
      </div>
    </div>
  );
}
