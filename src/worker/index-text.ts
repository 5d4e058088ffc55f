import type { DocumentDigest } from '../domain/derive/digest';

/**
 * The texts of a stored index record (`index-digest.ts`): its string table, its documents' search texts as lines of
 * their own fields, and output names with their numbered runs.
 */

/** A record's strings, each once; a value refers to one by its position. */
export class StringTable {
  readonly list: string[] = [];
  private readonly positions = new Map<string, number>();

  ref(value: string): number {
    let at = this.positions.get(value);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(value);
      this.positions.set(value, at);
    }
    return at;
  }
}

function lowerLines(value: string | undefined, out: string[]): void {
  if (!value) return;
  const lower = value.toLowerCase();
  if (!lower.includes('\n')) out.push(lower);
  else for (const line of lower.split('\n')) out.push(line);
}

/**
 * The lines, in lower case, of the digest's own fields that its search text may repeat: the same for a digest and
 * for the one made again from its entry (nothing here reads the search text).
 */
export function searchLines(digest: DocumentDigest): string[] {
  const out: string[] = [];
  for (const job of digest.jobs) {
    lowerLines(job.jobId, out);
    lowerLines(job.object, out);
    lowerLines(job.runId, out);
    lowerLines(job.workflowName, out);
    lowerLines(job.code, out);
    lowerLines(job.message, out);
    lowerLines(job.userData, out);
    lowerLines(job.templateId, out);
    lowerLines(job.templateName, out);
    lowerLines(job.queueId, out);
    lowerLines(job.tag, out);
  }
  const { title, execution, outputs } = digest;
  lowerLines(title.id, out);
  lowerLines(title.object, out);
  lowerLines(title.workflowName, out);
  if (execution) {
    lowerLines(execution.runId, out);
    lowerLines(execution.object, out);
    lowerLines(execution.workflowId, out);
    lowerLines(execution.workflowName, out);
    for (const task of execution.tasks) {
      lowerLines(task.jobId, out);
      lowerLines(task.type, out);
    }
  }
  if (outputs) for (const o of outputs) lowerLines(o.prefix, out);
  return out;
}

/** The search text as its lines: `k ≥ 0` is line `k` of `searchLines`, `-1 - k` string `k` of the table. */
export function packSearch(text: string, digest: DocumentDigest, table: StringTable): number[] {
  if (text === '') return [];
  const known = searchLines(digest);
  const lines = text.split('\n');
  const refs = new Array<number>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const k = known.indexOf(line);
    refs[i] = k >= 0 ? k : -1 - table.ref(line);
  }
  return refs;
}

export function unpackSearch(
  refs: unknown,
  digest: DocumentDigest,
  table: readonly unknown[],
): string | undefined {
  if (!Array.isArray(refs)) return undefined;
  if (refs.length === 0) return '';
  const known = searchLines(digest);
  const lines = new Array<string>(refs.length);
  for (let i = 0; i < refs.length; i++) {
    const r: unknown = refs[i];
    const line: unknown = typeof r !== 'number' ? undefined : r >= 0 ? known[r] : table[-1 - r];
    if (typeof line !== 'string') return undefined;
    lines[i] = line;
  }
  return lines.join('\n');
}

/** A line `<number><rest>`, the number as `String(n)` writes it (no leading zero). */
const NUMBERED = /^(0|[1-9]\d{0,14})([^]*)$/;

/**
 * Output names (`OutputNames.names`, one a line) as their lines, a run of numbered ones (`0.jpg`, `1.jpg`, …: a
 * snapshot job's frames) as `[first, count, rest]`.
 */
export function packLines(text: string): (string | [number, number, string])[] {
  const lines = text.split('\n');
  const out: (string | [number, number, string])[] = [];
  for (let i = 0; i < lines.length;) {
    const line = lines[i] as string;
    const m = NUMBERED.exec(line);
    if (m) {
      const first = Number(m[1]);
      const rest = m[2] ?? '';
      let count = 1;
      while (i + count < lines.length && lines[i + count] === `${first + count}${rest}`) count++;
      if (count >= 3) {
        out.push([first, count, rest]);
        i += count;
        continue;
      }
    }
    out.push(line);
    i++;
  }
  return out;
}

export function unpackLines(v: unknown): string | undefined {
  if (!Array.isArray(v)) return undefined;
  const lines: string[] = [];
  for (const item of v as unknown[]) {
    if (typeof item === 'string') lines.push(item);
    else if (Array.isArray(item) && typeof item[2] === 'string') {
      const [first, count, rest] = item as [number, number, string];
      if (!Number.isSafeInteger(first) || !Number.isSafeInteger(count) || count < 0) return undefined;
      for (let k = 0; k < count; k++) lines.push(`${first + k}${rest}`);
    } else return undefined;
  }
  return lines.join('\n');
}
