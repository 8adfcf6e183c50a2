import { lazy, Suspense, useState } from 'react';
import type { ImageParams } from '../../../api/params.ts';
import type { DraftOperation } from '../settings/draft-settings.ts';
import type { LibraryTab } from './prompt-library-dialog.tsx';
import './prompt-library-buttons.css';

// History and presets load when first opened, not with the studio.
const PromptLibraryDialog = lazy(() => import('./prompt-library-dialog.tsx'));

interface PromptLibraryButtonsProps {
  operation: DraftOperation;
  prompt: string;
  /** The draft as it would be sent now: what "Save as preset" keeps. */
  params: ImageParams;
}

/** "History" and "Presets" under the prompt: recent prompts and saved presets, one click away. */
export function PromptLibraryButtons({ operation, prompt, params }: PromptLibraryButtonsProps) {
  const [tab, setTab] = useState<LibraryTab | null>(null);
  const [opened, setOpened] = useState(false);
  const open = (next: LibraryTab) => {
    setOpened(true);
    setTab(next);
  };
  return (
    <div className="prompt-library-buttons">
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => open('history')}
      >
        History
      </button>
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => open('presets')}
      >
        Presets
      </button>
      {opened ? (
        <Suspense fallback={null}>
          <PromptLibraryDialog
            operation={operation}
            prompt={prompt}
            params={params}
            tab={tab}
            onTabChange={setTab}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
