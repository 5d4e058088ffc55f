import { describe, expect, it } from 'vitest';
import type { CallbackDocument } from './model';
import { isNoValue, type TraceEntry } from './normalize/read-schema';
import { toCallbackModel } from './normalize/to-callback-model';
import { parsePayload } from './parse-payload';
import { parseRawTree } from './parse/raw-tree';
import { RawNumber } from './parse/raw-number';
import { fixtureNames, readFixture } from './test-support/fixtures';

/** The raw tree of a document's source, parsed again here, independently of the document. */
function rawTree(doc: CallbackDocument): unknown {
  const root = parseRawTree(doc.source.text, doc.format);
  if (root === undefined) throw new Error(`cannot parse document ${doc.index}`);
  return root;
}

/** Every leaf of a raw tree, by path (`Response.JobsDetail[0].Input.CosHeaders[1].Value`) with its verbatim text. */
function leaves(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (value === null) out.set(path, '');
  else if (value instanceof RawNumber) out.set(path, value.text);
  else if (typeof value !== 'object') out.set(path, String(value));
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else
    for (const key of Object.keys(value))
      leaves((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, out);
  return out;
}

/** Follows a model path (`jobs[0].input.cosHeaders[1].value`, `...extras[2].value.entries[0].value`). */
function resolve(model: unknown, path: string): unknown {
  let node: unknown = model;
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (node === undefined || node === null) return undefined;
    node =
      m[2] !== undefined
        ? (node as unknown[])[Number(m[2])]
        : (node as Record<string, unknown>)[m[1] as string];
  }
  return node;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  return undefined;
}

describe('nothing is lost: every leaf of every fixture lands in exactly one model field or extras entry', () => {
  for (const name of fixtureNames()) {
    it(name, () => {
      for (const doc of parsePayload(readFixture(name)).documents) {
        const raw = rawTree(doc);
        const want = leaves(raw);
        const trace: TraceEntry[] = [];
        const traced = toCallbackModel(raw, doc.format, {
          trace: (e) => trace.push(e),
          hasSeveralRoots: doc.diagnostics.some((d) => d.code === 'no-response-root'),
        });
        // Tracing observes; it never changes the model.
        expect(traced.model).toEqual(doc.model);

        const seen = new Map<string, number>();
        for (const entry of trace) seen.set(entry.source, (seen.get(entry.source) ?? 0) + 1);
        expect([...seen.keys()].sort()).toEqual([...want.keys()].sort());
        expect([...seen.entries()].filter(([, count]) => count !== 1)).toEqual([]);

        for (const entry of trace) {
          expect(entry.text, entry.source).toBe(want.get(entry.source));
          const landed = resolve(traced.model, entry.target);
          if (isNoValue(entry.text)) {
            // Empty, `-` and missing are "no value": the field stays empty, or a kept tree keeps the empty text.
            expect(
              landed === undefined || textOf(landed) === entry.text,
              `${entry.source} -> ${entry.target}`,
            ).toBe(true);
          } else {
            expect(textOf(landed), `${entry.source} -> ${entry.target}`).toBe(entry.text);
          }
        }
      }
    });
  }

  it('keeps unknown nodes, attributes and repeated singular nodes in extras, verbatim', () => {
    const xml = `<Response><EventName>TaskFinish</EventName><Custom a="1">x</Custom><JobsDetail>
      <JobId>j1</JobId><JobId>j2</JobId><State>Success</State><Tag>X</Tag><Code>Success</Code>
      <Operation><Foo><Bar>1.50</Bar><Bar>0xff</Bar></Foo><DigitalWatermark><State>Failed</State></DigitalWatermark></Operation>
    </JobsDetail></Response>`;
    const doc = parsePayload(xml).documents[0];
    expect(doc?.model).toMatchObject({
      kind: 'jobs',
      extras: [
        {
          name: 'Custom',
          value: {
            entries: [
              { name: '#text', value: 'x' },
              { name: '@a', value: '1' },
            ],
          },
        },
      ],
      jobs: [
        {
          jobId: 'j1',
          // A list of one is its item in a kept tree (one callback, one model).
          extras: [{ name: 'JobId', value: 'j2' }],
          operation: {
            extras: [{ name: 'Foo', value: { entries: [{ name: 'Bar', value: ['1.50', '0xff'] }] } }],
            taskParameters: [
              { name: 'DigitalWatermark', value: { entries: [{ name: 'State', value: 'Failed' }] } },
            ],
          },
        },
      ],
    });
    expect(doc?.diagnostics.map((d) => d.code)).toEqual(['duplicate-node']);
  });
});
