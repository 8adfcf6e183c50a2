import { useMemo } from 'react';
import { useNow } from '../../lib/use-now.ts';
import { useActiveProvider } from '../providers/provider-store.ts';
import { likeThisMode, type LikeThisMode } from './like-this-mode.ts';

/** "Make variations" or "More like this" on the active provider today; null when neither. */
export function useLikeThisMode(): LikeThisMode | null {
  const provider = useActiveProvider();
  const now = useNow(true, 60_000);
  // The day matters, not the minute: a shutdown takes effect on its date.
  const day = new Date(now).toISOString().slice(0, 10);
  return useMemo(() => likeThisMode(provider, Date.parse(day)), [provider, day]);
}
