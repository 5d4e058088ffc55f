import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Tree, TreeEntry } from '../model';
import { parsePayload } from '../parse-payload';
import { flattenEntries, flattenTree } from './tree-view';

const tags: Tree = {
  entries: [
    { name: 'SubErrCode', value: '' },
    {
      name: 'Data',
      value: {
        entries: [
          {
            name: 'Tags',
            value: [
              {
                entries: [
                  { name: 'Tag', value: '风景' },
                  { name: 'Confidence', value: '0.98' },
                ],
              },
              { entries: [{ name: 'Tag', value: '城市' }] },
            ],
          },
        ],
      },
    },
  ],
};

describe('flattenTree', () => {
  it('depth first, in source order, with unique paths', () => {
    expect(flattenTree(tags, { basePath: 'StreamData' })).toEqual({
      truncated: false,
      rows: [
        { depth: 0, name: 'SubErrCode', text: '', path: 'StreamData.SubErrCode', kind: 'leaf' },
        { depth: 0, name: 'Data', path: 'StreamData.Data', kind: 'record', childCount: 1 },
        { depth: 1, name: 'Tags', path: 'StreamData.Data.Tags', kind: 'list', childCount: 2 },
        { depth: 2, name: '[0]', path: 'StreamData.Data.Tags[0]', kind: 'record', childCount: 2 },
        { depth: 3, name: 'Tag', text: '风景', path: 'StreamData.Data.Tags[0].Tag', kind: 'leaf' },
        {
          depth: 3,
          name: 'Confidence',
          text: '0.98',
          path: 'StreamData.Data.Tags[0].Confidence',
          kind: 'leaf',
        },
        { depth: 2, name: '[1]', path: 'StreamData.Data.Tags[1]', kind: 'record', childCount: 1 },
        { depth: 3, name: 'Tag', text: '城市', path: 'StreamData.Data.Tags[1].Tag', kind: 'leaf' },
      ],
    });
  });

  it('a bare leaf is one row; a repeated name gets a unique path', () => {
    expect(flattenTree('x', { rootName: 'Subtitle' }).rows).toEqual([
      { depth: 0, name: 'Subtitle', text: 'x', path: 'Subtitle', kind: 'leaf' },
    ]);
    const dup: Tree = {
      entries: [
        { name: 'A', value: '1' },
        { name: 'A', value: '2' },
      ],
    };
    expect(flattenTree(dup).rows.map((r) => r.path)).toEqual(['A', 'A#2']);
  });

  it('leaves out the children of collapsed paths', () => {
    const rows = flattenTree(tags, { collapsed: new Set(['Data.Tags']) }).rows;
    expect(rows.map((r) => r.path)).toEqual(['SubErrCode', 'Data', 'Data.Tags']);
  });

  it('caps the rows and says so', () => {
    const wide: Tree = {
      entries: Array.from({ length: 20_000 }, (_, i) => ({ name: `N${i}`, value: String(i) })),
    };
    const flat = flattenTree(wide);
    expect(flat.rows).toHaveLength(5000);
    expect(flat.truncated).toBe(true);
    expect(flattenTree(wide, { maxRows: 3 }).rows.map((r) => r.name)).toEqual(['N0', 'N1', 'N2']);
    expect(flattenTree(tags, { maxRows: 8 }).truncated).toBe(false);
  });

  it('survives nesting far deeper than the call stack', () => {
    let deep: Tree = 'bottom';
    for (let i = 0; i < 20_000; i++) deep = { entries: [{ name: 'n', value: deep }] };
    const flat = flattenTree(deep);
    expect(flat.truncated).toBe(true);
    expect(flat.rows.at(-1)).toMatchObject({ depth: 4999, kind: 'record' });
    expect(flattenTree(deep, { maxRows: 20_000 }).rows.at(-1)).toMatchObject({
      depth: 19_999,
      text: 'bottom',
    });
  });
});

describe('flattenEntries', () => {
  it('real fixture: the SDRtoHDR task parameters', () => {
    const text = readFileSync(
      new URL('../__fixtures__/docs/sdrtohdr_callback_workflow.xml', import.meta.url),
      'utf8',
    );
    const m = parsePayload(text).documents[0]?.model;
    const entries: readonly TreeEntry[] =
      m?.kind === 'jobs' ? (m.jobs[0]?.operation?.taskParameters ?? []) : [];
    expect(flattenEntries(entries, { basePath: 'Operation' })).toEqual({
      truncated: false,
      rows: [
        { depth: 0, name: 'SDRtoHDR', path: 'Operation.SDRtoHDR', kind: 'record', childCount: 1 },
        { depth: 1, name: 'HdrMode', text: 'HDR10', path: 'Operation.SDRtoHDR.HdrMode', kind: 'leaf' },
      ],
    });
  });

  it('no entries, no rows', () => {
    expect(flattenEntries([])).toEqual({ rows: [], truncated: false });
  });
});
