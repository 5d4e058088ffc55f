import type { Diagnostic } from './diagnostics';
import { LIMITS } from './limits';
import type { CallbackDocument } from './model';
import { ChunkedParse } from './parse-chunks';

/** A document read from a Blob, with where its source is in the Blob's bytes (to read it again on demand). */
export interface BlobDocument {
  readonly doc: CallbackDocument;
  /**
   * Its source's bytes in the Blob, or `undefined` when they cannot be told exactly (the chunk held bytes that were
   * not UTF-8, which decode to fewer or more characters than they were): then its text travels with it.
   */
  readonly bytes: { readonly start: number; readonly length: number } | undefined;
}

export interface BlobStep<T = BlobDocument> {
  readonly documents: readonly T[];
  /** Bytes of the Blob read so far. */
  readonly bytesRead: number;
}

export interface BlobParseOptions<T = BlobDocument> {
  readonly firstIndex?: number;
  /** Bytes read at first (the first rows come quickly), then more each time up to `blockSize`. */
  readonly firstBlock?: number;
  readonly blockSize?: number;
  /** Told before each read: stop when it says so (the person cancelled). */
  readonly isCancelled?: () => boolean;
  /** Documents a step gives at most (they are parsed as they are given). */
  readonly batchSize?: number;
  /**
   * What a step gives of each document, made as soon as it is parsed (the worker's wire form): the document and its
   * model can then go while they are young, instead of a batch of them being held until the step is taken.
   */
  readonly convert?: (document: BlobDocument) => T;
}

const FIRST_BLOCK = 256 * 1024;
const BLOCK = 8 * 1024 * 1024;
/**
 * A line this long that still has not let a chunk end (one JSON array holding a whole file, a payload without line
 * ends) is parsed as it is: the payload cap is far below it, and holding more would not fit a string.
 */
const MAX_HELD = LIMITS.payload * 8;
/** Held bytes up to this many are read again from the Blob with the next block rather than copied before it. */
const REREAD_MAX = 1024 * 1024;

/**
 * Parses a Blob (a file of any size: a gigabyte does not fit one string) in chunks read with `Blob.slice`, each cut
 * at a line end and parsed by `ChunkedParse`, so only a chunk is held at a time. Each document comes with its
 * bytes in the Blob. Returns the input's own diagnostics at the end.
 */
export async function* parseBlob<T = BlobDocument>(
  blob: Blob,
  options: BlobParseOptions<T> = {},
): AsyncGenerator<BlobStep<T>, readonly Diagnostic[]> {
  const convert = options.convert ?? ((document: BlobDocument) => document as T);
  const parse = new ChunkedParse({ firstIndex: options.firstIndex ?? 0 });
  const blockSize = options.blockSize ?? BLOCK;
  const batchSize = options.batchSize ?? 100;
  let block = Math.min(options.firstBlock ?? FIRST_BLOCK, blockSize);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Bytes read and not yet parsed, starting at `heldAt` in the Blob (a line start). */
  let held: Uint8Array = new Uint8Array(0);
  let heldAt = 0;
  let read = 0;
  /**
   * The next block, read while this one is parsed (the file is read while the CPU parses, not in turn), from up to
   * `REREAD_MAX` bytes before it: what this chunk leaves held is then already in the same buffer.
   */
  let ahead: Ahead | undefined;
  while (read < blob.size || held.length > 0) {
    if (options.isCancelled?.()) return parse.diagnostics;
    const end = Math.min(blob.size, read + block);
    const early = ahead?.end === end && ahead.from <= heldAt ? ahead : undefined;
    ahead = undefined;
    // What is held (the line a chunk's last payload starts on, a few KB) is read again with the fresh bytes: one
    // read into one buffer, not a copy of each 8 MiB block behind it. A long held line is copied once as before.
    const bytes = early
      ? new Uint8Array(await early.bytes).subarray(heldAt - early.from)
      : held.length === 0
        ? new Uint8Array(await blob.slice(read, end).arrayBuffer())
        : held.length <= REREAD_MAX
          ? new Uint8Array(await blob.slice(heldAt, end).arrayBuffer())
          : concat(held, new Uint8Array(await blob.slice(read, end).arrayBuffer()));
    read = end;
    block = Math.min(blockSize, block * 4);
    if (read < blob.size)
      ahead = readAhead(blob, Math.max(0, read - REREAD_MAX), Math.min(blob.size, read + block));
    const last = read >= blob.size;
    const newline = last ? bytes.length - 1 : bytes.lastIndexOf(10);
    if (newline === -1 && bytes.length <= MAX_HELD) {
      held = bytes;
      continue;
    }
    const forced = !last && (newline === -1 || bytes.length > MAX_HELD);
    const cut = forced ? bytes.length : newline + 1;
    const text = decoder.decode(bytes.subarray(0, cut));
    const step = parse.push(text, last || forced);
    if (step.consumed === 0 && bytes.length <= MAX_HELD) {
      // The chunk's one line may go on: read more (`block` grows, so a long line costs a few passes, not many).
      held = bytes;
      block = Math.max(block, bytes.length);
      continue;
    }
    const consumedBytes =
      step.consumed === text.length
        ? cut
        : text.length === cut
          ? step.consumed
          : byteAfterLines(bytes, step.consumedLines);
    const locate = bytesLocator(text, cut, heldAt, step.origin);
    const bytesRead = read - (bytes.length - consumedBytes);
    const each = (doc: CallbackDocument): T => convert(locate(doc));
    for (
      let documents = step.nextEach(batchSize, each);
      documents.length > 0;
      documents = step.nextEach(batchSize, each)
    )
      yield { documents, bytesRead };
    held = bytes.subarray(consumedBytes);
    // A copy when little is held of a large chunk, so the chunk's memory goes.
    if (held.length > 0 && held.length < bytes.length / 2) held = held.slice();
    heldAt += consumedBytes;
    if (step.stop) return parse.diagnostics;
    if (last && held.length === 0) break;
  }
  const tail = parse.finish();
  if (tail.length > 0)
    yield { documents: tail.map((doc) => convert({ doc, bytes: undefined })), bytesRead: blob.size };
  return parse.diagnostics;
}

interface Ahead {
  readonly from: number;
  readonly end: number;
  readonly bytes: Promise<ArrayBuffer>;
}

function readAhead(blob: Blob, from: number, end: number): Ahead {
  const bytes = blob.slice(from, end).arrayBuffer();
  // A read not taken (the parse stopped, a block grown for a long line) is no unhandled rejection; a taken one
  // throws where it is awaited, as a read in turn would.
  bytes.catch(() => undefined);
  return { from, end, bytes };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The offset just after the `lines`-th line feed of `bytes`. */
function byteAfterLines(bytes: Uint8Array, lines: number): number {
  let at = -1;
  for (let n = 0; n < lines; n++) {
    at = bytes.indexOf(10, at + 1);
    if (at === -1) return bytes.length;
  }
  return at + 1;
}

/**
 * Where each document's source is in the Blob's bytes, for the documents of one chunk taken in order. A chunk of
 * one byte a character (ASCII) maps at once; one of UTF-8 characters by counting their bytes; one with bytes that
 * were not UTF-8 (U+FFFD in its text) cannot be mapped exactly, and its documents keep their text.
 */
function bytesLocator(
  text: string,
  cut: number,
  chunkAt: number,
  base: number,
): (doc: CallbackDocument) => BlobDocument {
  const isAscii = text.length === cut;
  const isMappable = isAscii || !text.includes('\ufffd');
  let char = 0;
  let byte = 0;
  return (doc) => {
    const start = doc.source.start.offset - base;
    const length = doc.source.text.length;
    const inChunk =
      start >= char && start + length <= text.length && text.startsWith(doc.source.text.slice(0, 64), start);
    if (!inChunk || !isMappable) return { doc, bytes: undefined };
    if (isAscii) return { doc, bytes: { start: chunkAt + start, length } };
    byte += utf8Length(text, char, start);
    const size = utf8Length(text, start, start + length);
    const out = { doc, bytes: { start: chunkAt + byte, length: size } };
    byte += size;
    char = start + length;
    return out;
  };
}

/** UTF-8 bytes of `text` from `from` to `to` (the text holds no lone surrogate: a decoder made it). */
function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
