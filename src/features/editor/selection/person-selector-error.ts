/** Why Select person could not run, in a sentence for the designer. */
export class PersonSelectorError extends Error {
  override name = 'PersonSelectorError';
}
