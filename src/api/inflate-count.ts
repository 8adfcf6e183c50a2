/**
 * Whether a zlib stream, given in pieces, inflates to at least `needed` bytes (what a PNG's
 * size needs: less shows a picture cut off, or nothing). The platform's zlib does the work
 * (DecompressionStream); nothing inflated is kept.
 *
 * The verdict depends only on the pieces pushed, not on when: the decompressor's output side
 * holds nothing unread (its high-water mark is 0), so each piece's output is counted before
 * the next piece is inflated, whether the pieces came at once or over seconds.
 *
 * After the verdict the stream is still read to its end (at most `SLACK` more bytes), so that
 * the decompressor finishes normally and frees its zlib state at once. Cancelled part-way, the
 * state (~40 KB) waits for a garbage collection that a worker checking thousands of small
 * images seldom runs: a 50,000-entry import held 2-4 GB of them (bench `import`).
 */
const SLACK = 1 << 20;

export class InflateCount {
  /** True once enough has come out; false for a stream that is not zlib, broken or short. */
  readonly enough: Promise<boolean>;
  private input!: ReadableStreamDefaultController<Uint8Array<ArrayBuffer>>;
  private closed = false;

  constructor(needed: number) {
    const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start: (controller) => {
        this.input = controller;
      },
    });
    const output = source.pipeThrough(new DecompressionStream('deflate')).getReader();
    let answer!: (enough: boolean) => void;
    this.enough = new Promise((resolve) => (answer = resolve));
    void (async () => {
      let produced = 0;
      let answered = false;
      try {
        for (;;) {
          const { value, done } = await output.read();
          if (done) break;
          produced += value.length;
          if (!answered && produced >= needed) {
            answered = true;
            answer(true);
          }
          if (produced > needed + SLACK) break; // far more than the picture: stop here
        }
        if (!answered) answer(false); // the stream ended short
      } catch {
        answer(false); // not zlib, a bad checksum, or the stream ends before it should
      } finally {
        this.closed = true;
        output.cancel().catch(() => undefined);
      }
    })();
  }

  /** A piece of the stream: a view the decompressor copies from, never takes. */
  push(piece: Uint8Array): void {
    if (this.closed) return;
    try {
      this.input.enqueue(piece as Uint8Array<ArrayBuffer>);
    } catch {
      this.closed = true; // the read has stopped: it has its answer
    }
  }

  /** No more pieces: a stream that has not given enough by now fails. */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.input.close();
  }

  /** The verdict will not be asked for: stop inflating. */
  cancel(): void {
    if (this.closed) return;
    this.closed = true;
    this.input.error(new Error('The image is no longer checked.'));
  }
}
