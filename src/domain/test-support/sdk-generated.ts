/**
 * The callbacks generated from the Go SDK's structs (bench/sdk-callbacks/, committed in
 * __fixtures__/sdk-generated/), and how a document's leaves are accounted for: in a typed field, in a task
 * parameter or result tree, or in extras. Used by the unit tests and by the note's table
 * (bench/sdk-callbacks/coverage.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CallbackDocument } from '../model';
import { NO_VALUE_TARGET, type TraceEntry } from '../normalize/read-schema';
import { toCallbackModel } from '../normalize/to-callback-model';
import { parseRawTree } from '../parse/raw-tree';
import { FIXTURES_DIR } from './fixtures';

export const SDK_GENERATED_DIR = join(FIXTURES_DIR, 'sdk-generated');

export interface GeneratedPair {
  /** `Transcode.list2`. */
  readonly name: string;
  /** `Transcode`. */
  readonly kind: string;
  readonly listLength: number;
  readonly xml: string;
  readonly json: string;
}

export function generatedPairs(): GeneratedPair[] {
  const stems = new Set(readdirSync(SDK_GENERATED_DIR).map((f) => f.replace(/\.(xml|json)$/, '')));
  return [...stems].sort().map((name) => {
    const m = /^(.*)\.list(\d+)$/.exec(name);
    if (!m) throw new Error(`unexpected generated file ${name}`);
    return {
      name,
      kind: m[1] as string,
      listLength: Number(m[2]),
      xml: readFileSync(join(SDK_GENERATED_DIR, `${name}.xml`), 'utf8'),
      json: readFileSync(join(SDK_GENERATED_DIR, `${name}.json`), 'utf8'),
    };
  });
}

export type LeafPlace = 'typed' | 'tree' | 'extras' | 'no value';

/** Where a traced leaf landed in the model. */
export function placeOf(entry: TraceEntry): LeafPlace {
  const t = entry.target;
  if (t === NO_VALUE_TARGET) return 'no value';
  if (/(^|\.)extras\[/.test(t)) return 'extras';
  if (/\.operation\.(taskParameters|results)\[|\.entries\[/.test(t)) return 'tree';
  return 'typed';
}

/** The document's leaves, traced through the normaliser again, with their place in the model. */
export function traceDocument(doc: CallbackDocument): TraceEntry[] {
  const raw = parseRawTree(doc.source.text, doc.format);
  if (raw === undefined) throw new Error(`cannot parse document ${doc.index}`);
  const trace: TraceEntry[] = [];
  toCallbackModel(raw, doc.format, { trace: (e) => trace.push(e) });
  return trace;
}

export function countPlaces(trace: readonly TraceEntry[]): Record<LeafPlace, number> {
  const counts: Record<LeafPlace, number> = { typed: 0, tree: 0, extras: 0, 'no value': 0 };
  for (const e of trace) counts[placeOf(e)]++;
  return counts;
}

/** Every non-empty `extras` list in a model, by model path. */
export function extrasIn(model: unknown, path = ''): { path: string; names: string[] }[] {
  const out: { path: string; names: string[] }[] = [];
  const walk = (node: unknown, p: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${p}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'extras' && Array.isArray(v) && v.length > 0)
          out.push({ path: p, names: v.map((e: { name: string }) => e.name) });
        else if (k !== 'extras') walk(v, p ? `${p}.${k}` : k);
      }
    }
  };
  walk(model, path);
  return out;
}
