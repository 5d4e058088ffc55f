/**
 * Compares two documents by what they mean: the facts the panels show (`meaning-facts.ts`), matched by key.
 * Two wire shapes or two formats of one result are equal; a fact only one wire shape can carry is compared only
 * when both carry it; facts that follow from others (durations, URLs, scale) are shown but not counted. The raw
 * comparison by model path stays available as a detail (`compareModels`).
 */
import type { CallbackDocument } from '../model';
import { meaningFacts, type Fact, type FactGroup, type FactLabel } from './meaning-facts';
import { modelLeaves } from './model-leaves';

export type { Fact, FactGroup, FactLabel } from './meaning-facts';

export type RowKind = 'changed' | 'only-left' | 'only-right' | 'same';

export interface MeaningRow {
  readonly key: string;
  readonly group: FactGroup;
  readonly label: FactLabel;
  readonly wire: string;
  readonly kind: RowKind;
  readonly left?: string;
  readonly right?: string;
  /** Counted as a difference in meaning (not derived, not a field of one wire shape only). */
  readonly counts: boolean;
  /** Follows from other rows (a duration, a URL, a scale). */
  readonly derived?: boolean;
  /** Carried by one wire shape only: absent on the other side is not a difference. */
  readonly shapeOnly?: boolean;
  /** Two times written differently for one instant (`+0800` and `+08:00`). */
  readonly sameInstant?: boolean;
}

export type DifferenceKind = 'changed' | 'only-left' | 'only-right';

/** A difference by model path: the raw, shape-bound detail. */
export interface Difference {
  /** Model path, e.g. `jobs[0].input.cosHeaders[2].value`. */
  readonly path: string;
  readonly kind: DifferenceKind;
  readonly left?: string;
  readonly right?: string;
  /** Both are times of the same instant, written differently (`+0800` and `+08:00`). */
  readonly sameInstant?: boolean;
}

export interface ModelComparison {
  readonly differences: readonly Difference[];
  /** Leaves compared in all. */
  readonly compared: number;
}

export interface Comparison {
  /** No difference in meaning. */
  readonly equal: boolean;
  /** How many rows differ in meaning (`data-differences`). */
  readonly differenceCount: number;
  /**
   * Every row: the rows that differ first (counted ones, then those that follow from them, each in the panels'
   * order), then the rows only one side has, then the rows that are the same.
   */
  readonly rows: readonly MeaningRow[];
  /** Facts compared in all. */
  readonly compared: number;
}

function rowOf(key: string, l: Fact | undefined, r: Fact | undefined): MeaningRow {
  const f = (l ?? r) as Fact;
  const derived = f.derived === true;
  const shapeOnly = f.shapeOnly === true;
  const base = {
    key,
    group: f.group,
    label: f.label,
    wire: f.wire,
    ...(l === undefined ? {} : { left: l.value }),
    ...(r === undefined ? {} : { right: r.value }),
    ...(derived ? { derived } : {}),
    ...(shapeOnly ? { shapeOnly } : {}),
  };
  if (l && r) {
    const same = (l.compareAs ?? l.value) === (r.compareAs ?? r.value);
    if (same)
      return {
        ...base,
        kind: 'same',
        counts: false,
        ...(l.verbatim !== undefined && r.verbatim !== undefined && l.verbatim !== r.verbatim
          ? { sameInstant: true }
          : {}),
      };
    return { ...base, kind: 'changed', counts: !derived };
  }
  return { ...base, kind: l ? 'only-left' : 'only-right', counts: !derived && !shapeOnly };
}

export function compareDocuments(left: CallbackDocument, right: CallbackDocument): Comparison {
  const a = new Map(meaningFacts(left).map((f) => [f.key, f]));
  const b = new Map(meaningFacts(right).map((f) => [f.key, f]));
  const keys = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
  // A field only one wire shape can carry, on one side only, is no row at all.
  const rows = keys
    .map((k) => rowOf(k, a.get(k), b.get(k)))
    .filter((r) => !(r.shapeOnly && r.kind !== 'same' && r.kind !== 'changed'));
  // Differences first (counted, then what follows from them), then rows only one side has, then the same.
  const rank = (r: MeaningRow): number =>
    r.kind === 'same' ? 3 : r.kind !== 'changed' ? 2 : r.counts ? 0 : 1;
  // A stable sort keeps the panels' order within each rank.
  const sorted = rows.map((r, i) => ({ r, i })).sort((x, y) => rank(x.r) - rank(y.r) || x.i - y.i);
  const differenceCount = rows.filter((r) => r.counts).length;
  return {
    equal: differenceCount === 0,
    differenceCount,
    rows: sorted.map((x) => x.r),
    compared: rows.length,
  };
}

/** Field by field by model path: what differs and what only one side has (the comparison's raw detail). */
export function compareModels(left: CallbackDocument, right: CallbackDocument): ModelComparison {
  const a = modelLeaves(left.model ?? { state: left.state });
  const b = modelLeaves(right.model ?? { state: right.state });
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
  return { differences, compared: new Set([...a.keys(), ...b.keys()]).size };
}
