/**
 * Finds, in an images answer's JSON as its bytes arrive, the text of each `data[i].b64_json`
 * (the images), and hands it on piece by piece (early-images.ts). It follows the JSON's
 * structure only as far as that needs: objects, arrays, strings and their escapes; it does
 * not validate the JSON, and JSON.parse of the whole answer stays the authority. A string it
 * hands on is the raw text between its quotes; one with an escape in it is handed on too and
 * marked, and a caller compares what it was handed with what JSON.parse read before using it.
 */
export interface B64JsonSink {
  /** Image `index`'s text begins. */
  start(index: number): void;
  /** More of its raw text (ASCII for base64; any byte may come, to be refused downstream). */
  text(index: number, piece: Uint8Array): void;
  /** It held an escape (`\/`…): its raw text is not its value. */
  escaped(index: number): void;
  /** Its closing quote came. */
  end(index: number): void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Longer keys are none that matter here. */
const MAX_KEY = 16;

interface Level {
  kind: 'object' | 'array';
  /** Object: the key whose value comes next (null while a key is expected). */
  key: string | null;
  /** The answer's `data` array. */
  isData: boolean;
  /** An element of `data`, at this index. */
  item: number;
  /** Array: the commas so far, so the index of the value being read. */
  commas: number;
}

type StringRole = { kind: 'key' } | { kind: 'skip' } | { kind: 'image'; index: number };

export class B64JsonScan {
  private readonly levels: Level[] = [];
  /** Inside a string: what it is for; null between values. */
  private inString: StringRole | null = null;
  private escape = false;
  private keyBytes: number[] = [];

  constructor(private readonly sink: B64JsonSink) {}

  feed(piece: Uint8Array): void {
    let i = 0;
    const n = piece.length;
    while (i < n) {
      if (this.inString) {
        i = this.readString(piece, i);
        continue;
      }
      const c = piece[i++]!;
      if (c === QUOTE) this.openString();
      else if (c === 0x7b /* { */) this.openLevel('object');
      else if (c === 0x5b /* [ */) this.openLevel('array');
      else if (c === 0x7d /* } */ || c === 0x5d /* ] */) this.closeLevel();
      else if (c === 0x2c /* , */) this.comma();
      // Anything else (whitespace, a colon, a number, true, false, null) changes nothing here.
    }
  }

  /** Reads string bytes from `i`; returns where to go on. */
  private readString(piece: Uint8Array, i: number): number {
    const role = this.inString!;
    if (role.kind === 'image' && !this.escape) {
      // The long case: hand on the whole run up to the closing quote at once.
      const quote = piece.indexOf(QUOTE, i);
      const stop = quote < 0 ? piece.length : quote;
      const run = piece.subarray(i, stop);
      const slash = run.indexOf(BACKSLASH);
      if (slash < 0) {
        if (run.length) this.sink.text(role.index, run);
        if (quote < 0) return piece.length;
        this.closeString();
        return quote + 1;
      }
      if (slash > 0) this.sink.text(role.index, run.subarray(0, slash));
      this.sink.escaped(role.index);
      this.escape = true;
      return i + slash + 1;
    }
    const c = piece[i]!;
    if (this.escape) {
      this.escape = false;
      if (role.kind === 'key') this.keyBytes.push(BACKSLASH, c);
      return i + 1;
    }
    if (c === BACKSLASH) {
      this.escape = true;
      if (role.kind === 'image') this.sink.escaped(role.index);
    } else if (c === QUOTE) {
      this.closeString();
    } else if (role.kind === 'key' && this.keyBytes.length <= MAX_KEY) {
      this.keyBytes.push(c);
    }
    return i + 1;
  }

  private openString(): void {
    const level = this.levels.at(-1);
    if (level?.kind === 'object' && level.key === null) {
      this.inString = { kind: 'key' };
      this.keyBytes = [];
      return;
    }
    const index = this.imageIndex();
    this.inString = index === null ? { kind: 'skip' } : { kind: 'image', index };
    if (index !== null) this.sink.start(index);
  }

  private closeString(): void {
    const role = this.inString!;
    this.inString = null;
    if (role.kind === 'key') {
      this.levels.at(-1)!.key = String.fromCharCode(...this.keyBytes);
    } else if (role.kind === 'image') {
      this.sink.end(role.index);
    }
  }

  /** The image whose text a string value here would be: `data[i].b64_json`. */
  private imageIndex(): number | null {
    const level = this.levels.at(-1);
    const parent = this.levels.at(-2);
    if (this.levels.length !== 3 || level?.kind !== 'object' || !parent?.isData) return null;
    return level.key === 'b64_json' ? level.item : null;
  }

  private openLevel(kind: Level['kind']): void {
    const parent = this.levels.at(-1);
    const isData =
      kind === 'array' &&
      this.levels.length === 1 &&
      parent?.kind === 'object' &&
      parent.key === 'data';
    const item = parent?.isData ? parent.commas : -1;
    this.levels.push({ kind, key: null, isData, item, commas: 0 });
  }

  private closeLevel(): void {
    this.levels.pop();
  }

  private comma(): void {
    const level = this.levels.at(-1);
    if (level?.kind === 'object') level.key = null;
    else if (level) level.commas++;
  }
}
