/**
 * "Replace the image?": the question a new image asks before it discards a painted mask
 * (replacing the source has no undo). The source flow awaits `askDiscardMask()`; the dialog
 * (components/replace-image-dialog.tsx) shows while one is pending and answers it.
 */
import { create } from 'zustand';

interface DiscardQuestion {
  /** The pending question's answer, or null when nothing is being asked. */
  answer: ((replace: boolean) => void) | null;
}

export const useDiscardQuestion = create<DiscardQuestion>(() => ({ answer: null }));

/** Resolves true for Replace, false for Keep editing. A newer question answers an older one No. */
export function askDiscardMask(): Promise<boolean> {
  useDiscardQuestion.getState().answer?.(false);
  return new Promise((resolve) => {
    const answer = (replace: boolean) => {
      if (useDiscardQuestion.getState().answer === answer)
        useDiscardQuestion.setState({ answer: null });
      resolve(replace);
    };
    useDiscardQuestion.setState({ answer });
  });
}
