import { Dialog, Tabs } from 'radix-ui';
import type { ImageParams } from '../../../api/params.ts';
import type { DraftOperation } from '../settings/draft-settings.ts';
import { HistoryList } from './history-list.tsx';
import { PresetList } from './preset-list.tsx';
import './prompt-library.css';

export type LibraryTab = 'history' | 'presets';

export interface PromptLibraryDialogProps {
  operation: DraftOperation;
  prompt: string;
  params: ImageParams;
  /** The open tab, or null when closed. */
  tab: LibraryTab | null;
  onTabChange: (tab: LibraryTab | null) => void;
}

/** Recent prompts and saved presets, in a side sheet; using one closes it. */
export default function PromptLibraryDialog(props: PromptLibraryDialogProps) {
  const { tab, onTabChange } = props;
  const close = () => onTabChange(null);
  return (
    <Dialog.Root open={tab !== null} onOpenChange={(open) => !open && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog dialog--side prompt-library" aria-describedby={undefined}>
          <header className="dialog__header">
            <Dialog.Title className="dialog__title">Prompts</Dialog.Title>
            <Dialog.Close className="button button--ghost button--small" aria-label="Close">
              ✕
            </Dialog.Close>
          </header>
          <Tabs.Root
            className="prompt-library__tabs"
            value={tab ?? 'history'}
            onValueChange={(v) => onTabChange(v as LibraryTab)}
          >
            <Tabs.List className="segmented prompt-library__tab-list" aria-label="Prompt library">
              <Tabs.Trigger value="history" className="segmented__item">
                History
              </Tabs.Trigger>
              <Tabs.Trigger value="presets" className="segmented__item">
                Presets
              </Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="history" className="prompt-library__panel">
              <HistoryList operation={props.operation} onUsed={close} />
            </Tabs.Content>
            <Tabs.Content value="presets" className="prompt-library__panel">
              <PresetList
                operation={props.operation}
                prompt={props.prompt}
                params={props.params}
                onUsed={close}
              />
            </Tabs.Content>
          </Tabs.Root>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
