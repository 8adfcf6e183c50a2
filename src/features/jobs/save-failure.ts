/**
 * What to tell the designer when the gallery could not store a result: the storage error's
 * own words and action when it has them (gallery-store's errors do), else a safe default.
 */
export function saveFailure(error: unknown): { message: string; action: string } {
  const action =
    error && typeof error === 'object' && 'action' in error && typeof error.action === 'string'
      ? error.action
      : 'Download the images to keep them.';
  const message = error instanceof Error ? error.message : 'The gallery could not store them.';
  return { message, action };
}
