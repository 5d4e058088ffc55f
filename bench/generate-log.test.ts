// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../src/domain/parse-payload';
import type { Job } from '../src/domain/model';
import { loadFixturePayloads } from './fixture-payloads';
import {
  describeTemplates,
  formatTime,
  generateCallbackLines,
  generateCallbackLog,
  mulberry32,
  payloadsOfGeneratedLog,
  renderLine,
} from './generate-log';

describe('mulberry32', () => {
  it('gives the same sequence for a seed, another for another seed, values in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('formatTime', () => {
  it('writes the instant in the source style and offset', () => {
    const t = Date.UTC(2022, 6, 18, 7, 16, 43);
    expect(formatTime(t, { separator: 'T', offsetMinutes: 480, colon: false })).toBe(
      '2022-07-18T15:16:43+0800',
    );
    expect(formatTime(t, { separator: ' ', offsetMinutes: 480, colon: true })).toBe(
      '2022-07-18 15:16:43+08:00',
    );
    expect(formatTime(t, { separator: 'T', offsetMinutes: -90, colon: false })).toBe(
      '2022-07-18T05:46:43-0130',
    );
  });
});

describe('generateCallbackLog', () => {
  it('is deterministic: same seed, same log; another seed, another log', () => {
    const a = generateCallbackLog({ count: 100, seed: 7 });
    expect(generateCallbackLog({ count: 100, seed: 7 })).toBe(a);
    expect(generateCallbackLog({ count: 100, seed: 8 })).not.toBe(a);
    expect(generateCallbackLog({ count: 100, seed: 7 })).toBe(
      generateCallbackLines({ count: 100, seed: 7 }).map(renderLine).join('\n') + '\n',
    );
  });

  it('draws from every fixture payload', () => {
    const sources = new Set(loadFixturePayloads().map((p) => p.source));
    expect(
      describeTemplates()
        .map((t) => t.source)
        .sort(),
    ).toEqual([...sources].sort());
    const drawn = new Set<string>();
    for (const line of generateCallbackLines({ count: 2000, seed: 1 }))
      if (line.kind === 'callback') drawn.add(line.source);
    expect([...drawn].sort()).toEqual([...sources].sort());
  });

  it('makes a 200-callback log that parsePayload reads into exactly 200 documents, without errors', () => {
    const lines = generateCallbackLines({ count: 200, seed: 1 });
    const log = lines.map(renderLine).join('\n') + '\n';
    const callbacks = lines.flatMap((l) => (l.kind === 'callback' ? [l] : []));
    const noise = lines.filter((l) => l.kind === 'noise');
    expect(callbacks).toHaveLength(200);

    const result = parsePayload(log);
    expect(result.documents).toHaveLength(200);
    const problems = [...result.diagnostics, ...result.documents.flatMap((d) => d.diagnostics)].filter(
      (d) => d.severity !== 'info',
    );
    expect(problems).toEqual([]);
    if (noise.length > 0) expect(result.diagnostics.map((d) => d.code)).toContain('skipped-lines');

    // Each document is the callback the generator meant, in order.
    result.documents.forEach((doc, i) => {
      const line = callbacks[i];
      expect(doc.format).toBe(line?.format);
      expect(doc.state).toBe(line?.state);
      expect(doc.source.text).toBe(line?.payload);
    });

    // The mix: both formats, prefixed and bare lines, Failed and Submitted jobs, workflow documents.
    const formats = new Set(result.documents.map((d) => d.format));
    expect(formats).toEqual(new Set(['xml', 'json']));
    const xml = callbacks.filter((l) => l.format === 'xml').length;
    expect(xml).toBeGreaterThan(60);
    expect(xml).toBeLessThan(140);
    const prefixed = callbacks.filter((l) => l.prefix !== '');
    expect(prefixed.length).toBeGreaterThan(30);
    expect(prefixed.length).toBeLessThan(110);
    expect(log).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} (INFO |WARN ) \[ci-callback\] body=</m);
    expect(log).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} (INFO |WARN ) \[ci-callback\] body=\{/m);
    const states = result.documents.map((d) => d.state);
    expect(states).toContain('Failed');
    expect(states).toContain('Submitted');
    expect(result.documents.some((d) => d.model?.kind === 'workflow')).toBe(true);
    expect(payloadsOfGeneratedLog(log).map((p) => p.text)).toEqual(callbacks.map((l) => l.payload));

    // Jobs: fresh JobIds in the fixtures' form, failures with a Code and Message, realistic times.
    const jobs: Job[] = result.documents.flatMap((d) => (d.model?.kind === 'jobs' ? [...d.model.jobs] : []));
    const ids = jobs.map((j) => j.jobId ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][0-9a-f]{32,33}$/);
    for (const job of jobs) {
      if (job.state === 'Failed') {
        expect(['InvalidInput', 'InternalError']).toContain(job.code);
        expect(job.message).toBeTruthy();
      } else {
        expect(job.code).toBe('Success');
      }
      const created = job.creationTime?.epochMs;
      expect(created).toBeDefined();
      expect(job.creationTime?.offsetMinutes).toBe(480);
      const started = job.startTime?.epochMs;
      const ended = job.endTime?.epochMs;
      if (job.state === 'Submitted') {
        expect(job.startTime?.text ?? '-').toBe('-');
        expect(job.endTime?.text ?? '-').toBe('-');
        continue;
      }
      if (started !== undefined && created !== undefined) {
        expect(started - created).toBeGreaterThanOrEqual(0);
        expect(started - created).toBeLessThanOrEqual(122_000);
      }
      if (ended !== undefined && created !== undefined) {
        expect(ended - (started ?? created)).toBeGreaterThanOrEqual(0);
        expect(ended - (started ?? created)).toBeLessThanOrEqual(
          600_000 + (started === undefined ? 122_000 : 0),
        );
      }
    }
    expect(jobs.filter((j) => j.state === 'Failed').length).toBeGreaterThan(0);
  });

  it('keeps the source time format of each fixture (+0800, +08:00 with a space)', () => {
    const lines = generateCallbackLines({ count: 2000, seed: 3 });
    const colon = lines.find(
      (l) => l.kind === 'callback' && l.source === 'derived/picprocess_colon_offsets.xml',
    );
    expect(colon?.kind === 'callback' && colon.payload).toMatch(
      /<CreationTime>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00<\/CreationTime>/,
    );
    expect(colon?.kind === 'callback' && colon.payload).toMatch(
      /<StartTime>(-|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+08:00)<\/StartTime>/,
    );
    const workflow = lines.find(
      (l) => l.kind === 'callback' && l.source === 'docs/workflowfinish_callback.json',
    );
    expect(workflow?.kind === 'callback' && workflow.payload).toMatch(
      /"CreateTime":"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+0800"/,
    );
  });

  it('lands near 2.8 KB per callback (~28 MB for 10,000)', () => {
    const log = generateCallbackLog({ count: 1000, seed: 1 });
    const perCallback = Buffer.byteLength(log) / 1000;
    expect(perCallback).toBeGreaterThan(2300);
    expect(perCallback).toBeLessThan(3300);
  });
});
