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
 *
 * A small picture's data (`SMALL`: an icon, a thumbnail-sized image) is inflated here instead,
 * synchronously (fflate), in steps of `STEP` bytes: a stream's objects — the streams, their
 * controllers and the decompressor — are the browser's, and wait for a major garbage
 * collection, however short their use; an import of 50,000 small images piled them up
 * between collections. Same verdicts, the same bytes counted.
 */
import { Unzlib } from 'fflate';

const SLACK = 1 << 20;
const SMALL = 32 * 1024;
const STEP = 1024;

export interface InflateCounter {
  /** True once enough has come out; false for a stream that is not zlib, broken or short. */
  readonly enough: Promise<boolean>;
  /** A piece of the stream: a view the inflate copies from, never takes. */
  push(piece: Uint8Array): void;
  /** No more pieces: a stream that has not given enough by now fails. */
  end(): void;
  /** The verdict will not be asked for: stop inflating. */
  cancel(): void;
}

/** A counter for a stream that must inflate to at least `needed` bytes. */
export function inflateCount(needed: number): InflateCounter {
  return needed <= SMALL ? new SmallInflateCount(needed) : new InflateCount(needed);
}

/** The count done here, in steps, for a small picture (no stream, nothing of the browser's). */
export class SmallInflateCount implements InflateCounter {
  readonly enough: Promise<boolean>;
  private answer!: (enough: boolean) => void;
  private produced = 0;
  private closed = false;
  private readonly inflate: Unzlib;

  constructor(private readonly needed: number) {
    this.enough = new Promise((resolve) => (this.answer = resolve));
    this.inflate = new Unzlib((chunk) => {
      this.produced += chunk.length;
      if (this.produced >= needed) this.answer(true);
    });
  }

  push(piece: Uint8Array): void {
    for (let at = 0; at < piece.length && !this.closed; at += STEP)
      this.feed(piece.subarray(at, at + STEP), false);
  }

  end(): void {
    if (!this.closed) this.feed(new Uint8Array(0), true);
    this.finish();
  }

  cancel(): void {
    this.finish();
  }

  private feed(piece: Uint8Array, final: boolean): void {
    try {
      this.inflate.push(piece, final);
    } catch {
      return this.finish(); // not zlib, or broken
    }
    if (this.produced > this.needed + SLACK) this.finish(); // far more than the picture
  }

  private finish(): void {
    this.closed = true;
    this.answer(this.produced >= this.needed);
  }
}

export class InflateCount implements InflateCounter {
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
