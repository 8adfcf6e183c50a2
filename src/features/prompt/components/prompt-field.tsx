import { useId, type RefObject } from 'react';
import { groupDigits } from '../../../lib/group-digits.ts';

interface PromptFieldProps {
  value: string;
  /** The model's limit in characters. */
  max: number;
  onChange: (value: string) => void;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  placeholder: string;
}

/** The prompt, with a live count against the model's limit (Ctrl/Cmd+Enter: use-send-from-anywhere). */
export function PromptField({ value, max, onChange, textareaRef, placeholder }: PromptFieldProps) {
  const id = useId();
  const over = value.length > max;
  return (
    <div className="form-field prompt-field">
      <div className="form-field__head">
        <label className="form-field__label" htmlFor={id}>
          Prompt
        </label>
        <span
          id={`${id}-count`}
          className={`form-field__aside prompt-field__count${over ? ' prompt-field__count--over' : ''}`}
        >
          {groupDigits(value.length)} / {groupDigits(max)}
          <span className="visually-hidden"> characters</span>
        </span>
      </div>
      <textarea
        ref={textareaRef}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        id={id}
        className="textarea"
        value={value}
        rows={6}
        placeholder={placeholder}
        aria-describedby={`${id}-count ${id}-keys`}
        aria-invalid={over ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="form-field__hint" id={`${id}-keys`}>
        {over
          ? `${groupDigits(value.length - max)} characters over this model’s limit.`
          : 'Ctrl+Enter (⌘+Enter on a Mac) to send.'}
      </p>
    </div>
  );
}
