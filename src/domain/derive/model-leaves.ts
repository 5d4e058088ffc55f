/**
 * Every leaf of a model by model path (`jobs[0].input.cosHeaders[2].value`): the raw, shape-bound view of a
 * document, kept for the comparison's detail and for parts no panel view covers (MediaInfo).
 */

export interface Leaf {
  readonly text: string;
  readonly epochMs?: number;
}

function asLeaf(v: unknown): Leaf | undefined {
  if (typeof v === 'string') return { text: v };
  if (v && typeof v === 'object' && 'text' in v && typeof (v as { text: unknown }).text === 'string') {
    const { text, epochMs } = v as { text: string; epochMs?: number };
    return epochMs === undefined ? { text } : { text, epochMs };
  }
  return undefined;
}

/** Tree records are keyed by entry name (with an index when a name repeats); `extras` by their wire names. */
export function modelLeaves(
  value: unknown,
  path = '',
  out = new Map<string, Leaf>(),
  depth = 0,
): Map<string, Leaf> {
  if (value === undefined || value === null || depth > 300) return out;
  const leaf = asLeaf(value);
  if (leaf) {
    out.set(path, leaf);
    return out;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => modelLeaves(v, `${path}[${i}]`, out, depth + 1));
    return out;
  }
  if (typeof value !== 'object') {
    out.set(path, { text: String(value) });
    return out;
  }
  const entries = (value as { entries?: unknown }).entries;
  if (Array.isArray(entries) && Object.keys(value).length === 1) {
    const seen = new Map<string, number>();
    for (const e of entries as { name: string; value: unknown }[]) {
      const n = seen.get(e.name) ?? 0;
      seen.set(e.name, n + 1);
      modelLeaves(e.value, `${path}.${e.name}${n > 0 ? `[${n}]` : ''}`, out, depth + 1);
    }
    return out;
  }
  for (const key of Object.keys(value)) {
    if (key === 'extras') {
      const extras = (value as { extras: { name: string; value: unknown }[] }).extras;
      for (const e of extras) modelLeaves(e.value, `${path ? `${path}.` : ''}${e.name}`, out, depth + 1);
      continue;
    }
    modelLeaves((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, out, depth + 1);
  }
  return out;
}
