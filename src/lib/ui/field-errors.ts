import { createContext } from 'react';

/**
 * Messages to show on fields by their label ("Quality" → "OpenAI refused quality 'xhigh'…"):
 * a provider's 400 naming a parameter lands on the field that sets it.
 */
export const FieldErrorsContext = createContext<Readonly<Record<string, string>>>({});
