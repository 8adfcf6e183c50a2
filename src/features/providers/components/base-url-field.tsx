import { checkBaseUrl } from '../../../api/provider-url.ts';
import { TextField } from '../../../lib/ui/text-field.tsx';

interface BaseUrlFieldProps {
  value: string;
  placeholder: string;
  hint: string;
  onChange: (value: string) => void;
}

/**
 * A provider's base URL, checked as it is typed: it must be an absolute http(s) address
 * (provider-url.ts). When it is not, the field says why in place of its hint and, when the
 * user most likely left out the scheme, offers the address with https:// in one click.
 */
export function BaseUrlField({ value, placeholder, hint, onChange }: BaseUrlFieldProps) {
  const check = value.trim() ? checkBaseUrl(value) : null;
  const problem = check && !check.ok ? check : null;
  return (
    <div className="base-url-field">
      <TextField
        label="Base URL"
        type="url"
        mono
        value={value}
        placeholder={placeholder}
        onChange={onChange}
        invalid={problem !== null}
        hint={
          problem ? (
            <span className="form-field__hint--error">The base URL {problem.problem}</span>
          ) : (
            hint
          )
        }
      />
      {problem?.suggestion ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange(problem.suggestion!)}
        >
          Use {problem.suggestion}
        </button>
      ) : null}
    </div>
  );
}
