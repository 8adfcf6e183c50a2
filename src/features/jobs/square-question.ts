/**
 * Asks the designer, once per image, how a non-square picture becomes the square the
 * variations model needs: crop to the centre or pad with transparency (as the editor's
 * crop-or-pad step does). The dialog (square-question-dialog.tsx) answers the promise.
 */
import { create } from 'zustand';
import type { SquareFit } from './variations/variation-source.ts';

interface SquareQuestionState {
  asking: { width: number; height: number; answer: (fit: SquareFit | null) => void } | null;
}

export const useSquareQuestion = create<SquareQuestionState>()(() => ({ asking: null }));

/** Resolves with the choice, or null when the designer cancels. */
export function askSquareFit(width: number, height: number): Promise<SquareFit | null> {
  useSquareQuestion.getState().asking?.answer(null);
  return new Promise((resolve) => {
    useSquareQuestion.setState({
      asking: {
        width,
        height,
        answer: (fit) => {
          useSquareQuestion.setState({ asking: null });
          resolve(fit);
        },
      },
    });
  });
}
