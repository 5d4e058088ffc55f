import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The fixture folder, inside the repo so tests pass in a clone with nothing beside it. */
export const FIXTURES_DIR = join(import.meta.dirname, '..', '__fixtures__');

/** Every fixture payload file, as `seed/case1-job-api.xml` etc. */
export function fixtureNames(): string[] {
  return ['seed', 'docs', 'derived'].flatMap((dir) =>
    readdirSync(join(FIXTURES_DIR, dir))
      .sort()
      .map((f) => `${dir}/${f}`),
  );
}

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

export interface ExpectedJob {
  jobId: string;
  tag: string;
  state: string;
  code: string;
  created: string | null;
  started: string | null;
  ended: string | null;
  inputCosHeaders: number;
  workflowRunId: string | null;
}
export interface ExpectedWorkflow {
  runId: string;
  workflowId: string;
  state: string;
  created: string;
  tasks: number;
  cosHeaders: number;
}
/** A moderation job as a reader finds it: its id (JobId, or the Simple callback's trace_id), verdict and parts. */
export interface ExpectedModerationJob {
  id: string | null;
  label: string | null;
  /** `Result` (`result`), or `Suggestion` for documents, verbatim. */
  result: string | null;
  /** How many scenes (`PornInfo`, `porn_info`, … and those under `Labels`) the job has. */
  categories: number;
  /** Snapshots, audio and text sections, pages, web page results. */
  segments: number;
  cosHeaders: number;
}
export interface ExpectedModeration {
  shape: 'simple' | 'detail';
  state: string;
  /** `normal`, `sensitive` or `suspicious`; null for the settings test request or a failed moderation. */
  verdict: string | null;
  testRequest: boolean;
  jobs: ExpectedModerationJob[];
}
export interface ExpectedDocument {
  event: string | null;
  jobs?: ExpectedJob[];
  workflow?: ExpectedWorkflow;
  moderation?: ExpectedModeration;
}
export type ExpectedEntry = ExpectedDocument | { documents: ExpectedDocument[] };

export function readExpected(): Record<string, ExpectedEntry> {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, 'expected.json'), 'utf8')) as Record<
    string,
    ExpectedEntry
  >;
}
