import type { SourceOrigin } from './documents-slice';

/**
 * The session's state as the tab's database keeps it (`session-persistence.ts`), beside the texts (Blobs, by
 * source id): names, documents removed, the draft, the selection. Versioned and read field by field, since
 * storage can hold anything (an older version, a hand-edited record).
 */
export interface SavedState {
  readonly v: 2;
  readonly sources: readonly {
    readonly id: string;
    readonly origin: SourceOrigin;
    readonly removed?: readonly number[];
  }[];
  readonly draft: string;
  readonly pasteCount: number;
  readonly selectedKey?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readOrigin(v: unknown): SourceOrigin | undefined {
  if (!isRecord(v)) return undefined;
  if (v.kind === 'paste' && typeof v.n === 'number' && Number.isInteger(v.n))
    return { kind: 'paste', n: v.n };
  if (v.kind === 'file' && typeof v.fileName === 'string') return { kind: 'file', fileName: v.fileName };
  if (v.kind === 'sample' && typeof v.sampleId === 'string') return { kind: 'sample', sampleId: v.sampleId };
  if (v.kind === 'shared' && typeof v.name === 'string') return { kind: 'shared', name: v.name };
  return undefined;
}

function readRemoved(v: unknown): readonly number[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const removed = v.filter((n): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0);
  return removed.length > 0 ? removed : undefined;
}

/** The saved state in `v`, or undefined if it is not one; sources that do not read are left out. */
export function readSavedState(v: unknown): SavedState | undefined {
  if (!isRecord(v) || v.v !== 2 || !Array.isArray(v.sources) || typeof v.draft !== 'string') return undefined;
  const sources: SavedState['sources'][number][] = [];
  const seen = new Set<string>();
  for (const s of v.sources as unknown[]) {
    if (!isRecord(s) || typeof s.id !== 'string' || !/^s\d+$/.test(s.id) || seen.has(s.id)) continue;
    const origin = readOrigin(s.origin);
    if (!origin) continue;
    seen.add(s.id);
    const removed = readRemoved(s.removed);
    sources.push(removed ? { id: s.id, origin, removed } : { id: s.id, origin });
  }
  const pasteCount =
    typeof v.pasteCount === 'number' && Number.isInteger(v.pasteCount) && v.pasteCount >= 0
      ? v.pasteCount
      : 0;
  const selectedKey =
    typeof v.selectedKey === 'string' && /^(s\d+|draft):\d+$/.test(v.selectedKey) ? v.selectedKey : undefined;
  return { v: 2, sources, draft: v.draft, pasteCount, ...(selectedKey ? { selectedKey } : {}) };
}
