/**
 * Reads a response body with a ceiling, so a provider (or anything posing as one) cannot
 * pour gigabytes into the tab: past `maxBytes` the read stops, the connection is released,
 * and TooLarge says how far it got.
 */
export class TooLarge extends Error {
  override readonly name = 'TooLarge';
  constructor(readonly maxBytes: number) {
    super(`The body is larger than ${maxBytes} bytes.`);
  }
}

export async function readCapped(
  response: Response,
  maxBytes: number,
  /** Shown each piece as it comes (to read it while the rest arrives); it must not change it. */
  onPiece?: (piece: Uint8Array) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new TooLarge(maxBytes);
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge(maxBytes);
    }
    chunks.push(value);
    onPiece?.(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

export async function readTextCapped(
  response: Response,
  maxBytes: number,
  onPiece?: (piece: Uint8Array) => void,
): Promise<string> {
  return new TextDecoder().decode(await readCapped(response, maxBytes, onPiece));
}
