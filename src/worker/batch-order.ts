import type { BatchResponse } from './protocol';

/** Batches as the page takes them: in the text's order, with progress over all the workers. */
export interface OrderedBatch<T> {
  readonly documents: readonly T[];
  /** Documents delivered so far (this batch included), and payloads in the whole text. */
  readonly parsed: number;
  readonly total: number;
  readonly diagnostics: BatchResponse['diagnostics'];
  /** Of a Blob: bytes read so far, and in all. */
  readonly bytes?: BatchResponse['bytes'];
  /** Every worker has given its last batch: nothing follows. */
  readonly done: boolean;
  /** A worker stopped when asked: some payloads were not parsed. */
  readonly cancelled: boolean;
  /** The documents came from a stored index (a reload), not from parsing. */
  readonly restored?: true;
}

type Arriving<T> = Omit<BatchResponse, 'documents' | 'kind' | 'id'> & { readonly documents: readonly T[] };

/**
 * Puts the batches of several workers back in the text's order (`StreamRequest.part`): a batch is delivered once
 * every batch before it has been; one that comes early waits. Once every worker is done, what still waits (after
 * a gap a cancel left) is delivered in order with the last batch.
 */
export function orderBatches<T>(
  parts: number,
  deliver: (batch: OrderedBatch<T>) => void,
): (batch: Arriving<T>) => void {
  const early = new Map<number, Arriving<T>>();
  let next = 0;
  let delivered = 0;
  let total = 0;
  let doneParts = 0;
  let cancelled = false;
  let diagnostics: BatchResponse['diagnostics'] = [];
  let bytes: BatchResponse['bytes'];
  let restored = false;

  const emit = (documents: readonly T[], done: boolean): void => {
    delivered += documents.length;
    deliver({
      documents,
      parsed: delivered,
      total,
      diagnostics,
      done,
      cancelled,
      ...(bytes ? { bytes } : {}),
      ...(restored ? { restored: true as const } : {}),
    });
    diagnostics = [];
  };

  return (batch) => {
    total = Math.max(total, batch.total);
    if (batch.bytes) bytes = batch.bytes;
    restored = batch.restored === true;
    if (batch.diagnostics.length > 0) diagnostics = batch.diagnostics;
    if (batch.documents.length > 0) early.set(batch.sequence, batch);
    if (batch.done) doneParts += 1;
    cancelled ||= batch.cancelled;
    const allDone = doneParts === parts;
    const ready: T[][] = [];
    for (let b = early.get(next); b; b = early.get(next)) {
      early.delete(next);
      next += 1;
      ready.push(b.documents as T[]);
    }
    if (allDone) {
      for (const sequence of [...early.keys()].sort((x, y) => x - y))
        ready.push(early.get(sequence)?.documents as T[]);
      early.clear();
    }
    if (ready.length > 0 || allDone) emit(ready.length === 1 ? (ready[0] as T[]) : ready.flat(), allDone);
  };
}
