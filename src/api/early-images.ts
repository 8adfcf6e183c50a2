/**
 * An images answer's pictures decoded and checked while the answer is still arriving. A
 * 1024² result is megabytes of base64 that take a real connection a few hundred ms to bring;
 * decoding it, walking its chunks and inflating its pixel data (~30 ms for a photograph here)
 * can all be done by the time the last byte comes, instead of after it.
 *
 * Nothing here decides what is kept. The answer is still parsed whole (JSON.parse), and an
 * image read early is used only when the text it was read from is exactly the text the parse
 * found (`take`); anything else — an escape in the text, a key met twice, a piece that is not
 * base64, a reading that broke — leaves that image to the usual path after the last byte. The
 * PNG verdict is the same one png-check.ts gives a whole file (it depends on the bytes alone).
 */
import { B64JsonScan, type B64JsonSink } from './b64-json-scan.ts';
import { base64ToBytes } from './image-bytes.ts';
import { PngCheck, PNG_SIGNATURE } from './png-check.ts';
import { startsWith } from '../lib/image-kind.ts';

/** An image read early: its bytes, and its PNG check's verdict (none for another type). */
export interface EarlyImage {
  bytes: Uint8Array<ArrayBuffer>;
  damage?: Promise<string | null>;
}

const SPACE = 0x20;
const PAD = 0x3d; // '='
/** The first buffer for an image's bytes when the answer gives no length: 1 MB, then doubled. */
const FIRST_CAPACITY = 1024 * 1024;

/** The platform's base64 decode into a buffer (Chromium 140+), where there is one. */
type SetFromBase64 = (this: Uint8Array, text: string) => { read: number; written: number };
const setFromBase64 = (Uint8Array.prototype as unknown as { setFromBase64?: SetFromBase64 })
  .setFromBase64;
/** Base64 text is ASCII, which UTF-8 decodes the fastest (anything else is refused anyway). */
const ascii = new TextDecoder();

/** One image's text, decoded as it comes. */
class ImageReading {
  private readonly texts: string[] = [];
  /** Characters not decoded yet: under four, or everything from a '=' on. */
  private carry = '';
  private padded = false;
  private bytes: Uint8Array<ArrayBuffer>;
  private length = 0;
  private png: PngCheck | null = null;
  private usable = true;
  private ended = false;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  text(piece: Uint8Array): void {
    const text = ascii.decode(piece);
    this.texts.push(text);
    if (!this.usable) return;
    // A space would shift the four-character groups (the whole-text decode skips it).
    if (piece.includes(SPACE)) return this.refuse();
    // Padding ends the text: what follows it, if anything, is decoded (or refused) whole.
    if (this.padded || piece.includes(PAD)) {
      this.padded = true;
      this.carry += text;
      return;
    }
    let from = 0;
    if (this.carry) {
      from = 4 - this.carry.length;
      if (text.length < from) {
        this.carry += text;
        return;
      }
      this.decode(this.carry + text.slice(0, from), false);
    }
    const whole = from + ((text.length - from) & ~3);
    if (whole > from) this.decode(text.slice(from, whole), false);
    this.carry = text.slice(whole);
  }

  end(): void {
    this.ended = true;
    if (this.usable && this.carry) this.decode(this.carry, true);
    if (this.usable) this.png?.read(this.bytes, this.length, true);
  }

  refuse(): void {
    this.usable = false;
    this.png?.abandon();
  }

  /** What was read, if the text read is `b64`; used once. */
  take(b64: string): EarlyImage | null {
    const same = this.ended && this.usable && this.readFrom(b64);
    this.texts.length = 0;
    if (!same) {
      this.refuse();
      return null;
    }
    // A buffer sized for the whole answer is cut down to this image's bytes.
    const bytes =
      this.bytes.length > 2 * this.length
        ? this.bytes.slice(0, this.length)
        : this.bytes.subarray(0, this.length);
    return this.png ? { bytes, damage: this.png.verdict() } : { bytes };
  }

  /** Whether the text read, piece after piece, is `b64` (compared in place, nothing joined). */
  private readFrom(b64: string): boolean {
    let at = 0;
    for (const text of this.texts) {
      if (!b64.startsWith(text, at)) return false;
      at += text.length;
    }
    return at === b64.length;
  }

  private decode(text: string, last: boolean): void {
    if (!this.usable) return;
    try {
      if (setFromBase64) {
        this.reserve(Math.ceil(text.length / 4) * 3);
        const { read, written } = setFromBase64.call(this.bytes.subarray(this.length), text);
        if (read !== text.length) return this.refuse();
        this.length += written;
      } else {
        const decoded = base64ToBytes(text);
        this.reserve(decoded.length);
        this.bytes.set(decoded, this.length);
        this.length += decoded.length;
      }
    } catch {
      return this.refuse(); // the whole text would not decode either: the usual path says so
    }
    if (!this.png && this.length >= PNG_SIGNATURE.length) {
      if (startsWith(this.bytes, PNG_SIGNATURE)) this.png = new PngCheck();
    }
    if (!last) this.png?.read(this.bytes, this.length, false);
  }

  private reserve(more: number): void {
    const needed = this.length + more;
    if (needed <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

/** Runs `task` once the page has nothing more urgent to do (at background priority). */
function whenIdle(task: () => void): void {
  const scheduler = (
    globalThis as {
      scheduler?: { postTask?: (task: () => void, options: { priority: string }) => unknown };
    }
  ).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(task, { priority: 'background' });
  else setTimeout(task, 0);
}

/** How much a reading task takes on at most (~3 ms of decoding and checking here). */
const READ_PER_TASK = 256 * 1024;

export class EarlyImages implements B64JsonSink {
  private readonly scan = new B64JsonScan(this);
  /** Pieces come in the download's tasks and are read in tasks of their own, between them. */
  private readonly waiting: Uint8Array[] = [];
  private waitingBytes = 0;
  private readScheduled = false;
  private readonly readings = new Map<number, ImageReading>();
  /** Indexes met twice (a key or an array repeated): the parse's choice is not known here. */
  private readonly doubled = new Set<number>();
  /** The answer's bytes before the piece being read. */
  private received = 0;
  private broken = false;

  /** `declared`: the answer's length, if it gave one (a first guess at an image's size). */
  constructor(private readonly declared = 0) {}

  /**
   * A piece of the answer's body, as it came (kept, not copied: it must not change). It is
   * read in a task of its own, after whatever else the page has to do (the download's next
   * piece first): a body that arrives faster than it can be read is not slowed by reading it.
   */
  feed(piece: Uint8Array): void {
    if (this.broken) return;
    this.waiting.push(piece);
    this.waitingBytes += piece.length;
    this.scheduleRead();
  }

  private scheduleRead(): void {
    if (this.readScheduled || this.waiting.length === 0) return;
    this.readScheduled = true;
    whenIdle(() => {
      this.readScheduled = false;
      // A bounded task (a few ms): a piece that arrives meanwhile is not held up for long.
      for (let read = 0; read < READ_PER_TASK && this.waiting.length > 0;) {
        read += this.readOne();
      }
      this.scheduleRead();
    });
  }

  /**
   * The body's last byte has come: the images are read to their end if at least half of the
   * body has been read already, and left to the usual path otherwise. A body that came faster
   * than it could be read (a provider on the same machine, a small answer in one piece) leaves
   * most of itself: reading it now would only do the usual path's work in another order, with
   * the early reading's own costs on top (measured: 2 ms more to durable for a 75 KB answer).
   * One that came over a real connection leaves its last pieces, or a few hundred KB that piled
   * up while the page was busy: finishing those is less than the whole of the usual path.
   */
  finish(): void {
    if (this.broken) return;
    const left = this.waitingBytes;
    if (left * 2 > this.received + left) return this.abandon();
    this.drain();
  }

  /** The answer will not be used, or could not be read: let every reading go. */
  abandon(): void {
    this.broken = true;
    this.waiting.length = 0;
    this.waitingBytes = 0;
    for (const reading of this.readings.values()) reading.refuse();
  }

  private drain(): void {
    while (!this.broken && this.waiting.length > 0) this.readOne();
  }

  /** Reads the next piece waiting; returns its length. */
  private readOne(): number {
    const piece = this.waiting.shift();
    if (!piece || this.broken) return Infinity;
    this.waitingBytes -= piece.length;
    try {
      this.scan.feed(piece);
    } catch {
      this.abandon(); // never thrown out: a failure only ends the early reading
    }
    this.received += piece.length;
    return piece.length;
  }

  /** Image `index`, if it was read here from exactly `b64` (JSON.parse's value); used once. */
  take(index: number, b64: string): EarlyImage | null {
    const reading = this.readings.get(index);
    this.readings.delete(index);
    if (!reading || this.broken || this.doubled.has(index)) {
      reading?.refuse();
      return null;
    }
    const read = reading.take(b64);
    // Seen by the benches and the tests: which results were read on arrival in this page.
    if (read) performance.mark('easel:image-read-on-arrival', { detail: { index } });
    return read;
  }

  /** The answer has been used: images not taken are let go. */
  release(): void {
    for (const reading of this.readings.values()) reading.refuse();
    this.readings.clear();
  }

  start(index: number): void {
    if (this.readings.has(index)) {
      this.doubled.add(index);
      this.readings.get(index)!.refuse();
      return;
    }
    // The answer from this piece on, as bytes, is at least this image (unless the answer is
    // compressed: then the buffer grows).
    const left = this.declared - this.received;
    const capacity = left > 0 ? Math.min(Math.ceil((left * 3) / 4), 64 * 1024 * 1024) : 0;
    this.readings.set(index, new ImageReading(capacity || FIRST_CAPACITY));
  }

  text(index: number, piece: Uint8Array): void {
    this.readings.get(index)?.text(piece);
  }

  escaped(index: number): void {
    this.readings.get(index)?.refuse();
  }

  end(index: number): void {
    this.readings.get(index)?.end();
  }
}
