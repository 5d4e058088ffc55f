/**
 * "Nothing is lost": every node the typed panels do not show — the `extras` of any model node and the generic
 * `tree` fields (Topology, Subtitle, ImageOcrResult, AIGCMetadata) — with the wire path of where it sits, for
 * the result panel's generic trees. Walks the model through the schema tables, so model keys map to wire names.
 */
import type { CallbackModel, Job, TreeEntry } from '../../../domain/model';
import { moderationBodySchema } from '../../../domain/normalize/moderation-schema';
import { jobSchema, workflowBodySchema, type Schema } from '../../../domain/normalize/schema';

export interface ExtraGroup {
  /** Wire path of the node holding them, e.g. `JobsDetail[0].Operation`; '' for the document's top level. */
  readonly path: string;
  readonly entries: readonly TreeEntry[];
}

const join = (base: string, name: string): string => (base === '' ? name : `${base}.${name}`);

function walk(node: unknown, schema: Schema, path: string, out: ExtraGroup[]): void {
  if (typeof node !== 'object' || node === null) return;
  const record = node as Readonly<Record<string, unknown>>;
  const extras = record.extras;
  if (Array.isArray(extras) && extras.length > 0) out.push({ path, entries: extras as readonly TreeEntry[] });
  for (const [key, spec] of Object.entries(schema)) {
    const value = record[key];
    if (value === undefined) continue;
    const wire = spec.wire[0] ?? key;
    if (spec.kind === 'record') walk(value, spec.schema, join(path, wire), out);
    else if (spec.kind === 'records' && Array.isArray(value))
      value.forEach((item, i) => walk(item, spec.schema, `${join(path, wire)}[${i}]`, out));
    else if (spec.kind === 'tree')
      out.push({ path, entries: [{ name: wire, value: value as TreeEntry['value'] }] });
  }
}

/** Nodes of one job beyond its typed fields (task parameter and result nodes are the panel's own sections). */
export function collectJobExtras(job: Job, jobPath: string): ExtraGroup[] {
  const out: ExtraGroup[] = [];
  walk(job, jobSchema, jobPath, out);
  return out;
}

/** The document's own top-level extras; for a workflow document, everything in it. */
export function collectDocumentExtras(model: CallbackModel): ExtraGroup[] {
  const out: ExtraGroup[] = [];
  if (model.kind === 'jobs') {
    if (model.extras.length > 0) out.push({ path: '', entries: model.extras });
    return out;
  }
  if (model.kind === 'workflow') walk(model, workflowBodySchema, '', out);
  // Moderation: everything the panel does not show (OcrResults, LibResults, UserInfo, ListInfo, unknown nodes).
  if (model.kind === 'moderation') walk(model, moderationBodySchema, '', out);
  return out;
}
