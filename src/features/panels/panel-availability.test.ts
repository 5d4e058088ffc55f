import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../domain/parse-payload';
import type { CallbackDocument } from '../../domain/model';
import { panelData } from './panel-availability';

const doc = (path: string, text?: string): CallbackDocument => {
  const source = text ?? readFileSync(new URL(`../../domain/__fixtures__/${path}`, import.meta.url), 'utf8');
  const first = parsePayload(source).documents[0];
  if (first === undefined) throw new Error(`no document in ${path}`);
  return first;
};

describe('panelData', () => {
  it('gives a job its image, io, headers and workflow data', () => {
    const data = panelData(doc('seed/case2-workflow.xml'), 0);
    expect(data.jobPath).toBe('JobsDetail[0]');
    expect(data.hasTimeline).toBe(true);
    expect(data.image?.before.width).toBe(500);
    expect(data.io?.input.url).toBe('https://test-1234567890.cos.ap-chongqing.myqcloud.com/input/deer.jpg');
    expect(data.headers.map((h) => h.key)).toEqual(['Content-Type', 'x-cos-request-id', 'EventName', 'Size']);
    expect(data.workflows.map((w) => w.runId)).toEqual(['ic90edd59f84f11ec9d4f525400a3c59f']);
    expect(data.execution).toBeUndefined();
    expect(data.extras).toEqual([]);
  });

  it('gives every Workflow of a job, in source order (the SDK types JobsDetail.Workflow as a list)', () => {
    const text = readFileSync(
      new URL('../../domain/__fixtures__/seed/case2-workflow.xml', import.meta.url),
      'utf8',
    ).replace(
      '</Workflow>',
      '</Workflow><Workflow><Name>Second</Name><RunId>r2</RunId><WorkflowId>w2</WorkflowId></Workflow>',
    );
    const data = panelData(doc('', text), 0);
    expect(data.workflows.map((w) => [w.name, w.runId, w.workflowId])).toEqual([
      ['PicProcess_1581665960537', 'ic90edd59f84f11ec9d4f525400a3c59f', 'web6ac56c1ef54dbfa44d7f4103203be9'],
      ['Second', 'r2', 'w2'],
    ]);
    expect(panelData(doc('seed/case1-job-api.xml'), 0).workflows).toEqual([]);
  });

  it('selects the requested job of a list, and falls back to the first when out of range', () => {
    const list = doc('docs/picprocess_describe_jobs_list_multiple_jobsdetail.xml');
    expect(panelData(list, 1).job?.jobId).toBe('c93984788066911ed89ed352d4d9d2084');
    expect(panelData(list, 1).jobPath).toBe('JobsDetail[1]');
    expect(panelData(list, 7).jobIndex).toBe(0);
  });

  it('keeps what no typed panel shows: Topology of a workflow execution, unknown job nodes', () => {
    const wf = panelData(doc('docs/workflowexecution_describe_api_with_failed_task.xml'), 0);
    expect(wf.execution?.tasks).toHaveLength(3);
    expect(wf.extras.map((g) => [g.path, g.entries.map((e) => e.name)])).toEqual([
      ['WorkflowExecution', ['Topology']],
    ]);

    const text = readFileSync(
      new URL('../../domain/__fixtures__/seed/case1-job-api.xml', import.meta.url),
      'utf8',
    ).replace('<Region>ap-chongqing</Region>', '<Region>ap-chongqing</Region><Mystery>1</Mystery>');
    const job = panelData(doc('', text), 0);
    expect(job.extras.map((g) => [g.path, g.entries.map((e) => e.name)])).toEqual([
      ['JobsDetail[0].Input', ['Mystery']],
    ]);
  });

  it('gives an unreadable document no data panel, and an unrecognised one its whole tree', () => {
    const bad = panelData(doc('', '<Response><JobsDetail></Response>'), 0);
    expect(bad.isReadable).toBe(false);
    expect(bad.io).toBeUndefined();
    const other = panelData(
      doc('', '<Response><Moderation><Label>Normal</Label></Moderation></Response>'),
      0,
    );
    expect(other.tree).toBeDefined();
    expect(other.jobs).toEqual([]);
  });
});
