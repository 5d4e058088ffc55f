/**
 * Compares two documents field by field by model path (a retry against the original, the XML and JSON forms of
 * one job): what differs and what is only on one side. Values compare by their verbatim text; two times with
 * different texts but the same instant are marked as such.
 */
import type { CallbackDocument } from '../model';

export type DifferenceKind = 'changed' | 'only-left' | 'only-right';

export interface Difference {
  /** Model path, e.g. `jobs[0].input.cosHeaders[2].value`. */
  readonly path: string;
  readonly kind: DifferenceKind;
  readonly left?: string;
  readonly right?: string;
  /** Both are times of the same instant, written differently (`+0800` and `+08:00`). */
  readonly sameInstant?: boolean;
}

export interface Comparison {
  readonly differences: readonly Difference[];
  readonly equal: boolean;
  /** Leaves compared in all. */
  readonly compared: number;
}

type Leaf = { text: string; epochMs?: number };

function asLeaf(v: unknown): Leaf | undefined {
  if (typeof v === 'string') return { text: v };
  if (v && typeof v === 'object' && 'text' in v && typeof (v as { text: unknown }).text === 'string') {
    const { text, epochMs } = v as { text: string; epochMs?: number };
    return epochMs === undefined ? { text } : { text, epochMs };
  }
  return undefined;
}

/** Every leaf of a model, by path. Tree records are keyed by entry name (with an index when a name repeats). */
function flatten(value: unknown, path: string, out: Map<string, Leaf>, depth = 0): void {
  if (value === undefined || value === null || depth > 300) return;
  const leaf = asLeaf(value);
  if (leaf) {
    out.set(path, leaf);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out, depth + 1));
    return;
  }
  if (typeof value !== 'object') {
    out.set(path, { text: String(value) });
    return;
  }
  const entries = (value as { entries?: unknown }).entries;
  if (Array.isArray(entries) && Object.keys(value).length === 1) {
    const seen = new Map<string, number>();
    for (const e of entries as { name: string; value: unknown }[]) {
      const n = seen.get(e.name) ?? 0;
      seen.set(e.name, n + 1);
      flatten(e.value, `${path}.${e.name}${n > 0 ? `[${n}]` : ''}`, out, depth + 1);
    }
    return;
  }
  for (const key of Object.keys(value)) {
    if (key === 'extras') {
      const extras = (value as { extras: { name: string; value: unknown }[] }).extras;
      for (const e of extras) flatten(e.value, `${path ? `${path}.` : ''}${e.name}`, out, depth + 1);
      continue;
    }
    flatten((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, out, depth + 1);
  }
}

export function compareDocuments(left: CallbackDocument, right: CallbackDocument): Comparison {
  const a = new Map<string, Leaf>();
  const b = new Map<string, Leaf>();
  flatten(left.model ?? { state: left.state }, '', a);
  flatten(right.model ?? { state: right.state }, '', b);
  const differences: Difference[] = [];
  for (const [path, l] of a) {
    const r = b.get(path);
    if (!r) differences.push({ path, kind: 'only-left', left: l.text });
    else if (r.text !== l.text) {
      const sameInstant = l.epochMs !== undefined && l.epochMs === r.epochMs;
      differences.push({
        path,
        kind: 'changed',
        left: l.text,
        right: r.text,
        ...(sameInstant ? { sameInstant } : {}),
      });
    }
  }
  for (const [path, r] of b) if (!a.has(path)) differences.push({ path, kind: 'only-right', right: r.text });
  return { differences, equal: differences.length === 0, compared: new Set([...a.keys(), ...b.keys()]).size };
}
