/**
 * Why an archive was refused: one message for the notice and the specific problems found.
 * Its own module so the gallery can recognise it without loading the zip reader.
 */
export class ArchiveImportError extends Error {
  override readonly name = 'ArchiveImportError';
  constructor(
    message: string,
    /** The specific problems found, one sentence each. */
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}
