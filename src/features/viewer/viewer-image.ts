import type { ReactNode } from 'react';

/** One picture the viewer can show: its bytes (or how to read them) and how to name it. */
export interface ViewerImage {
  /** Stable across renders (an entry id, "job-3-1"…): the view resets when it changes. */
  key: string;
  /** The header's title, e.g. "Image 2 of 4" or the prompt. */
  title: string;
  /** A second header line: the prompt, the model… */
  subtitle?: string;
  alt: string;
  width: number;
  height: number;
  /** The bytes when at hand; otherwise `load` reads them when the image is shown. */
  blob?: Blob | null;
  load?: () => Promise<Blob>;
  /** The file name Download saves under; no Download button without it. */
  downloadName?: string;
  /** Shown in place of the picture when there are no bytes (a link-only result…). */
  missing?: ReactNode;
  /** Shown under the picture (e.g. the revised prompt DALL·E 3 returned). */
  caption?: string;
}

/** Two pictures against each other: a reference on the left, the shown image on the right. */
export interface ViewerReference {
  image: ViewerImage;
  /** What the two sides are called on the picture ("Before"/"After", "A"/"B"). */
  labels: [string, string];
}
