import { lazy, Suspense, useState } from 'react';
import type { Provider } from '../../../api/provider.ts';
import type { ModelChoice } from '../settings/model-choices.ts';

// The form loads when first asked for, not with the first screen.
const CustomModelForm = lazy(() =>
  import('./custom-model-form.tsx').then((m) => ({ default: m.CustomModelForm })),
);

interface CustomModelFieldProps {
  provider: Provider;
  onUse: (choice: ModelChoice) => void;
}

/**
 * "Use another model id": any id the provider serves, typed — a model OpenAI shipped today
 * works the day it ships.
 */
export function CustomModelField({ provider, onUse }: CustomModelFieldProps) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => setOpen(true)}
      >
        Use another model id…
      </button>
    );
  }
  return (
    <Suspense fallback={null}>
      <CustomModelForm provider={provider} onUse={onUse} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
