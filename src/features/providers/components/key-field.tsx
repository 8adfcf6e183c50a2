import { Checkbox } from 'radix-ui';
import { useId, useState } from 'react';
import { useProviderDialogStore } from '../provider-dialog-store.ts';

/** The key input's class: the dialog finds it to put the cursor there when a key is missing. */
export const KEY_INPUT = 'provider-key-input';

interface KeyFieldProps {
  apiKey: string;
  remember: boolean;
  onKeyChange: (key: string) => void;
  onRememberChange: (remember: boolean) => void;
  /** Where the key will be sent, for the hint. */
  host: string;
}

/**
 * The API key: a password field (shown on request) and the explicit choice to keep it on
 * this device. Unticked, the key lives in memory and is gone when the tab closes.
 */
export function KeyField({ apiKey, remember, onKeyChange, onRememberChange, host }: KeyFieldProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  // Back from the reload that allowed this provider: the key is the one thing left to type.
  const focusKey = useProviderDialogStore((s) => s.reloadedFor !== null) && apiKey === '';
  return (
    <div className="form-field">
      <label className="form-field__label" htmlFor={id}>
        API key
      </label>
      <div className="input-group">
        <input
          id={id}
          className={`input input--mono ${KEY_INPUT}`}
          type={shown ? 'text' : 'password'}
          value={apiKey}
          autoComplete="off"
          spellCheck={false}
          autoFocus={focusKey}
          onChange={(e) => onKeyChange(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <button
          type="button"
          className="button button--ghost button--small"
          aria-pressed={shown}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? 'Hide' : 'Show'}
        </button>
      </div>
      <p className="form-field__hint" id={`${id}-hint`}>
        Sent only to {host || 'this provider'}, in a request header.
      </p>
      <div className="checkbox-row">
        <Checkbox.Root
          id={`${id}-remember`}
          className="checkbox"
          checked={remember}
          onCheckedChange={(checked) => onRememberChange(checked === true)}
          aria-describedby={`${id}-remember-hint`}
        >
          <Checkbox.Indicator className="checkbox__indicator">✓</Checkbox.Indicator>
        </Checkbox.Root>
        <label htmlFor={`${id}-remember`} className="checkbox-row__label">
          Remember on this device
        </label>
      </div>
      <p className="form-field__hint" id={`${id}-remember-hint`}>
        {remember
          ? 'The key is stored in this browser’s local storage until you untick this.'
          : 'The key stays in memory only and is forgotten when you close or reload the tab.'}
      </p>
    </div>
  );
}
