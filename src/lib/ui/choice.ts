/** One of a set of choices (segments, drop-down items). */
export interface Choice<T extends string = string> {
  value: T;
  label: string;
  /** Shown as the option's tooltip and read by screen readers. */
  description?: string;
}
