import { describe, expect, it } from 'vitest';
import { moderationEvent, moderationSegments, moderationVerdict } from './derive/moderation';
import type { CallbackDocument, TimeValue } from './model';
import { MODERATION_CATEGORY_KEYS } from './normalize/moderation-schema';
import { parsePayload } from './parse-payload';
import { fixtureNames, readExpected, readFixture, type ExpectedDocument } from './test-support/fixtures';

const expected = readExpected();

function utc(t: TimeValue | undefined): string | null {
  return t?.epochMs === undefined ? null : new Date(t.epochMs).toISOString().replace('.000Z', 'Z');
}

/** What expected.json records of a document, read back from the model. */
function summarise(doc: CallbackDocument): ExpectedDocument {
  const model = doc.model;
  if (model?.kind === 'jobs') {
    return {
      event: model.eventName ?? null,
      jobs: model.jobs.map((job) => ({
        jobId: job.jobId ?? '',
        tag: job.tag ?? '',
        state: job.state ?? '',
        code: job.code ?? '',
        created: utc(job.creationTime),
        started: utc(job.startTime),
        ended: utc(job.endTime),
        inputCosHeaders: job.input?.cosHeaders.length ?? 0,
        workflowRunId: job.workflows[0]?.runId ?? null,
      })),
    };
  }
  if (model?.kind === 'workflow' && model.execution) {
    const e = model.execution;
    return {
      event: model.eventName ?? null,
      workflow: {
        runId: e.runId ?? '',
        workflowId: e.workflowId ?? '',
        state: e.state ?? '',
        created: utc(e.createTime) ?? '',
        tasks: e.tasks.length,
        cosHeaders: e.cosHeaders.length,
      },
    };
  }
  if (model?.kind === 'moderation') {
    return {
      event: moderationEvent(model) ?? null,
      moderation: {
        shape: model.shape,
        state: doc.state,
        verdict: moderationVerdict(model) ?? null,
        testRequest: model.isTestRequest,
        jobs: model.jobs.map((job) => ({
          id: job.jobId ?? job.traceId ?? null,
          label: job.label ?? null,
          result: (job.result ?? job.suggestion)?.text ?? null,
          categories: MODERATION_CATEGORY_KEYS.filter(
            (k) => job[k] !== undefined || job.labels?.[k] !== undefined,
          ).length,
          segments: moderationSegments(job).length,
          cosHeaders: job.cosHeaders.length,
        })),
      },
    };
  }
  throw new Error(`document ${doc.index} is ${doc.state}: ${JSON.stringify(doc.diagnostics)}`);
}

describe('every fixture matches expected.json', () => {
  it('has an expectation for every fixture file and a file for every expectation', () => {
    expect(fixtureNames().sort()).toEqual(Object.keys(expected).sort());
  });

  for (const name of fixtureNames()) {
    it(name, () => {
      const result = parsePayload(readFixture(name));
      const entry = expected[name];
      const want = entry && 'documents' in entry ? entry.documents : [entry];
      expect(result.documents.map(summarise)).toEqual(want);
      for (const doc of result.documents) {
        expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(doc.state).not.toBe('Invalid');
      }
    });
  }
});

describe('document state', () => {
  it('is Failed for the failed job, Submitted for the job list, the execution State for a workflow', () => {
    expect(parsePayload(readFixture('derived/picprocess_failed_job.xml')).documents[0]?.state).toBe('Failed');
    expect(
      parsePayload(readFixture('docs/picprocess_describe_jobs_list_multiple_jobsdetail.xml')).documents[0]
        ?.state,
    ).toBe('Submitted');
    // A Failed task inside a Success execution: the document's state is the execution's.
    expect(
      parsePayload(readFixture('docs/workflowexecution_describe_api_with_failed_task.xml')).documents[0]
        ?.state,
    ).toBe('Success');
  });

  it('HTTP request dumps one after another: no body is judged by another request’s Content-Type', () => {
    const xml = readFixture('derived/http_request_dump.txt').trim();
    const json = readFixture('derived/moderation_simple_http_dump.txt').trim();
    const result = parsePayload([xml, json, xml].join('\n\n'));
    expect(result.documents.map((d) => [d.format, d.diagnostics.map((x) => x.message.en)])).toEqual([
      ['xml', ['Read from an HTTP request dump: application/xml']],
      ['json', ['Read from an HTTP request dump: application/json']],
      ['xml', ['Read from an HTTP request dump: application/xml']],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports the tolerated quirks as info, not as errors', () => {
    const codes = (name: string) =>
      parsePayload(readFixture(name)).documents.flatMap((d) => d.diagnostics.map((x) => x.code));
    expect(codes('seed/case3-workflow-trailing-comma.json')).toEqual(['trailing-comma']);
    expect(codes('docs/picprocess_callback_workflow.json')).toEqual(['jobs-detail-object']);
    expect(codes('docs/transcode_callback_workflow_legacy_no_eventname.xml')).toEqual(['no-event-name']);
    expect(codes('derived/taskfinish_without_response_root.xml')).toEqual(['no-response-root']);
    expect(codes('derived/http_request_dump.txt')).toEqual(['http-request']);
    expect(codes('seed/case1-job-api.xml')).toEqual([]);
  });

  it('reports the log line without a payload once, as info, at its line', () => {
    const result = parsePayload(readFixture('derived/server_log_with_prefixes.log'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'skipped-lines',
        severity: 'info',
        position: expect.objectContaining({ line: 2, column: 1 }),
      }),
    ]);
    expect(result.documents.map((d) => d.source.start.line)).toEqual([1, 3]);
  });
});

describe('startParse: the same documents, in steps', () => {
  it('gives what parsePayload gives, batch by batch, numbered from firstIndex', async () => {
    const { startParse } = await import('./parse-payload');
    const text = ['derived/callbacks.jsonl', 'derived/server_log_with_prefixes.log']
      .map(readFixture)
      .join('\n');
    const whole = parsePayload(text, { firstIndex: 10 });
    const parse = startParse(text, { firstIndex: 10 });
    expect(parse.total).toBe(5);
    const batches = [parse.next(2), parse.next(2), parse.next(2), parse.next(2)];
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1, 0]);
    expect(batches.flat()).toEqual(whole.documents);
    expect(batches.flat().map((d) => d.index)).toEqual([10, 11, 12, 13, 14]);
    expect(parse.diagnostics).toEqual(whole.diagnostics);
  });
});
