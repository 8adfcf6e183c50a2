import { useState } from 'react';
import { findModel } from '../../../api/models.ts';
import type { ImageParams } from '../../../api/params.ts';
import { useDraftStore } from '../draft-store.ts';
import type { DraftOperation } from '../settings/draft-settings.ts';
import { searchPrompts, usePromptHistory } from './prompt-history.ts';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "GPT Image 1 · 1536×1024 · high": what a record will set besides the prompt. */
export function describeParams(params: ImageParams): string {
  const model =
    typeof params.model === 'string' ? (findModel(params.model)?.label ?? params.model) : '';
  const size =
    typeof params.size === 'string' && params.size !== 'auto' ? params.size.replace('x', '×') : '';
  const quality =
    typeof params.quality === 'string' && params.quality !== 'auto' ? params.quality : '';
  return [model, size, quality].filter(Boolean).join(' · ');
}

/** This operation's recent prompts, searchable; a click loads prompt and settings (undoable). */
export function HistoryList({
  operation,
  onUsed,
}: {
  operation: DraftOperation;
  onUsed: () => void;
}) {
  const records = usePromptHistory((s) => s.records);
  const forget = usePromptHistory((s) => s.forget);
  const [query, setQuery] = useState('');
  const mine = records.filter((r) => r.operation === operation);
  const found = searchPrompts(mine, query);
  return (
    <div className="prompt-library__section">
      <input
        type="search"
        className="input"
        aria-label="Search prompt history"
        placeholder="Search your prompts"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {mine.length === 0 ? (
        <p className="prompt-library__empty">Prompts you send appear here, newest first.</p>
      ) : found.length === 0 ? (
        <p className="prompt-library__empty">No prompt in your history has these words.</p>
      ) : (
        <ul className="prompt-library__list" aria-label="Recent prompts">
          {found.map((record) => (
            <li key={record.id} className="prompt-library__item">
              <button
                type="button"
                className="prompt-library__use"
                onClick={() => {
                  useDraftStore
                    .getState()
                    .applyParams(
                      operation,
                      record.params,
                      'Prompt and settings loaded from history.',
                    );
                  onUsed();
                }}
              >
                <span className="prompt-library__prompt">{record.prompt}</span>
                <span className="prompt-library__meta">
                  {describeParams(record.params)} · {when.format(record.sentAt)}
                </span>
              </button>
              <button
                type="button"
                className="button button--ghost button--icon"
                aria-label={`Forget “${record.prompt.slice(0, 40)}”`}
                title="Remove from history"
                onClick={() => forget(record.id)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
