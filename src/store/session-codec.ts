import type { SourceOrigin } from './documents-slice';

/**
 * What a tab keeps across a reload: the raw texts and their names, never parsed documents (they are parsed again).
 * Versioned so an older tab's data is recognised, and validated field by field, since storage can hold anything.
 */
export interface SessionSnapshot {
  readonly v: 1;
  readonly sources: readonly { readonly id: string; readonly origin: SourceOrigin; readonly text: string }[];
  readonly draft: string;
  readonly pasteCount: number;
}

/** JSON → gzip (CompressionStream) → base64: callbacks are repetitive XML, so they shrink several times over. */
export async function encodeSession(snapshot: SessionSnapshot): Promise<string> {
  const bytes = await transform(
    new TextEncoder().encode(JSON.stringify(snapshot)),
    new CompressionStream('gzip'),
  );
  return toBase64(bytes);
}

/** The snapshot in `encoded`, or `undefined` if it is not one (corrupt, another version, not base64). */
export async function decodeSession(encoded: string): Promise<SessionSnapshot | undefined> {
  try {
    const json = new TextDecoder().decode(
      await transform(fromBase64(encoded), new DecompressionStream('gzip')),
    );
    return readSnapshot(JSON.parse(json) as unknown);
  } catch {
    return undefined;
  }
}

async function transform(
  input: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  const output = new Blob([input]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
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

export function readSnapshot(v: unknown): SessionSnapshot | undefined {
  if (!isRecord(v) || v.v !== 1 || !Array.isArray(v.sources) || typeof v.draft !== 'string') return undefined;
  const sources: { id: string; origin: SourceOrigin; text: string }[] = [];
  for (const s of v.sources as unknown[]) {
    if (!isRecord(s) || typeof s.id !== 'string' || !/^s\d+$/.test(s.id) || typeof s.text !== 'string')
      continue;
    const origin = readOrigin(s.origin);
    if (origin) sources.push({ id: s.id, origin, text: s.text });
  }
  const pasteCount =
    typeof v.pasteCount === 'number' && Number.isInteger(v.pasteCount) && v.pasteCount >= 0
      ? v.pasteCount
      : 0;
  return { v: 1, sources, draft: v.draft, pasteCount };
}
