/**
 * What went wrong with a job or a workflow run, as the payload tells it: the job's own outcome, not a payload
 * error (DESIGN.md: "The job's own outcome … is shown as the job's status with its Code and Message").
 * Includes the partial failure the Go SDK sample shows: `DigitalWatermark.State = Failed` inside a job whose
 * State is Success (FIELDS.md §2.4), and Failed tasks inside a Success run (DescribeWorkflowExecution sample).
 */
import type { CallbackModel, DocumentState, Job, Tree, TreeEntry, WorkflowExecution } from '../model';
import { definedOnly } from './compact';
import { jobVerdict } from './moderation';

export type ProblemKind =
  | 'unreadable'
  | 'job-failed'
  | 'cancelled'
  | 'not-finished'
  | 'unknown-state'
  | 'code-not-success'
  | 'failed-substep'
  /** A task of a workflow run failed. */
  | 'failed-task'
  /** A moderation verdict: 1, sensitive (a violation). */
  | 'moderation-sensitive'
  /** A moderation verdict: 2, suspicious (needs human review). */
  | 'moderation-suspicious';

export interface Problem {
  readonly kind: ProblemKind;
  /** Which job of the document (jobs documents only). */
  readonly jobIndex?: number;
  /** Which task of the execution (workflow documents only). */
  readonly taskIndex?: number;
  /** The State that made it a problem, verbatim. */
  readonly state?: string;
  readonly code?: string;
  readonly message?: string;
  /** Source path relative to the job (`Operation.DigitalWatermark.State`) or to the WorkflowExecution (`Tasks[2]`). */
  readonly path?: string;
  /** The task's or step's name, when it has one. */
  readonly name?: string;
}

const NOT_FINISHED = new Set(['Submitted', 'Running', 'Pause']);

/** The problem a State value means, if any: Success is none, an absent or unknown State is one. */
export function stateProblem(state: string | undefined): ProblemKind | undefined {
  if (state === 'Success') return undefined;
  if (state === 'Failed') return 'job-failed';
  if (state === 'Cancel') return 'cancelled';
  if (state !== undefined && NOT_FINISHED.has(state)) return 'not-finished';
  return 'unknown-state';
}

/** Enough for any real payload, and a bound on the work for a hostile one. */
const MAX_NODES = 100_000;

/**
 * Every `State` node whose value is `Failed` inside the given trees, with the sibling `Code`/`Message` when the
 * node has a `Code` (a `Message` alone, as in DigitalWatermark, is the step's input, not an error).
 */
export function findFailedStates(entries: readonly TreeEntry[], basePath: string): Problem[] {
  const found: Problem[] = [];
  const stack: { tree: Tree; path: string; name: string }[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as TreeEntry;
    stack.push({ tree: e.value, path: join(basePath, e.name), name: e.name });
  }
  let visited = 0;
  while (stack.length > 0 && visited < MAX_NODES) {
    const { tree, path, name } = stack.pop() as { tree: Tree; path: string; name: string };
    visited++;
    if (typeof tree === 'string') continue;
    if (Array.isArray(tree)) {
      const items = tree as readonly Tree[];
      for (let i = items.length - 1; i >= 0; i--)
        stack.push({ tree: items[i] as Tree, path: `${path}[${i}]`, name });
      continue;
    }
    const record = tree as { readonly entries: readonly TreeEntry[] };
    const leaf = (n: string): string | undefined => {
      const v = record.entries.find((e) => e.name === n)?.value;
      return typeof v === 'string' && v.trim() !== '' ? v : undefined;
    };
    if (leaf('State')?.trim() === 'Failed') {
      const code = leaf('Code');
      const message = code === undefined ? undefined : leaf('Message');
      found.push(
        definedOnly({
          kind: 'failed-substep' as const,
          state: 'Failed',
          code,
          message,
          path: `${path}.State`,
          name,
        }),
      );
    }
    for (let i = record.entries.length - 1; i >= 0; i--) {
      const e = record.entries[i] as TreeEntry;
      stack.push({ tree: e.value, path: `${path}.${e.name}`, name: e.name });
    }
  }
  return found;
}

const join = (base: string, name: string): string => (base === '' ? name : `${base}.${name}`);

export function jobProblems(job: Job, jobIndex: number): Problem[] {
  const problems: Problem[] = [];
  const kind = stateProblem(job.state);
  if (kind !== undefined) {
    problems.push(definedOnly({ kind, jobIndex, state: job.state, code: job.code, message: job.message }));
  }
  // A failed job already shows its Code; a code that is not Success on any other job is a problem of its own.
  if (kind !== 'job-failed' && job.code !== undefined && job.code !== 'Success') {
    problems.push(
      definedOnly({
        kind: 'code-not-success' as const,
        jobIndex,
        code: job.code,
        message: job.message,
        path: 'Code',
      }),
    );
  }
  const op = job.operation;
  const trees: [readonly TreeEntry[], string][] = [
    [op?.taskParameters ?? [], 'Operation'],
    [op?.results ?? [], 'Operation'],
    [op?.extras ?? [], 'Operation'],
    [job.extras, ''],
  ];
  for (const [entries, base] of trees) {
    for (const p of findFailedStates(entries, base)) problems.push({ ...p, jobIndex });
  }
  return problems;
}

export function executionProblems(execution: WorkflowExecution): Problem[] {
  const problems: Problem[] = [];
  const kind = stateProblem(execution.state);
  if (kind !== undefined) problems.push(definedOnly({ kind, state: execution.state }));
  execution.tasks.forEach((task, taskIndex) => {
    const path = `Tasks[${taskIndex}]`;
    if (task.state !== undefined && task.state !== 'Success') {
      const taskKind = task.state === 'Failed' ? 'failed-task' : stateProblem(task.state);
      if (taskKind !== undefined)
        problems.push(definedOnly({ kind: taskKind, taskIndex, state: task.state, path, name: task.name }));
    }
    const objects = [
      ...(task.resultInfo?.objectInfo ?? []).map(
        (o, i) => [o, `${path}.ResultInfo.ObjectInfo[${i}]`] as const,
      ),
      ...(task.resultInfo?.spriteObjectInfo ?? []).map(
        (o, i) => [o, `${path}.ResultInfo.SpriteObjectInfo[${i}]`] as const,
      ),
    ];
    for (const [o, objectPath] of objects) {
      // Success codes of ObjectInfo are not published; `Success` (as for jobs) and `0` are read as success.
      if (o.code !== undefined && o.code !== 'Success' && o.code !== '0') {
        problems.push(
          definedOnly({
            kind: 'code-not-success' as const,
            taskIndex,
            code: o.code,
            message: o.message,
            path: objectPath,
            name: o.objectName,
          }),
        );
      }
    }
  });
  return problems;
}

export function moderationProblems(model: Extract<CallbackModel, { kind: 'moderation' }>): Problem[] {
  const problems: Problem[] = [];
  // A Simple callback has no State: its `code` says whether the moderation succeeded (0) or failed.
  if (model.shape === 'simple' && model.code !== undefined && model.code.trim() !== '0') {
    problems.push(
      definedOnly({ kind: 'job-failed' as const, code: model.code, message: model.message, path: 'code' }),
    );
    return problems;
  }
  if (model.isTestRequest) return problems;
  model.jobs.forEach((job, jobIndex) => {
    const kind = stateProblem(job.state ?? 'Success');
    // Moderation jobs also say Snapshoting and Auditing while they run.
    if (job.state === 'Snapshoting' || job.state === 'Auditing')
      problems.push(definedOnly({ kind: 'not-finished' as const, jobIndex, state: job.state }));
    else if (kind !== undefined)
      problems.push(definedOnly({ kind, jobIndex, state: job.state, code: job.code, message: job.message }));
    const verdict = job.state === 'Failed' ? undefined : jobVerdict(job);
    if (verdict === 'sensitive' || verdict === 'suspicious')
      problems.push(
        definedOnly({
          kind:
            verdict === 'sensitive' ? ('moderation-sensitive' as const) : ('moderation-suspicious' as const),
          jobIndex,
          name: job.label,
          path: job.result !== undefined ? 'Result' : 'Suggestion',
        }),
      );
  });
  return problems;
}

/** The problems of any model, as the summary lists them. */
export function modelProblems(model: CallbackModel): Problem[] {
  switch (model.kind) {
    case 'jobs':
      return model.jobs.flatMap((job, i) => jobProblems(job, i));
    case 'workflow':
      return model.execution === undefined ? [] : executionProblems(model.execution);
    case 'moderation':
      return moderationProblems(model);
    case 'unrecognised':
      return [];
  }
}

/** Kinds that make a document whose own outcome is Success not a plain success, most telling first. */
export const INNER_PROBLEMS = [
  'failed-task',
  'failed-substep',
  'code-not-success',
  'moderation-sensitive',
  'moderation-suspicious',
] as const satisfies readonly ProblemKind[];
/** The short codes of `data-problem`. */
export type InnerProblemKind = (typeof INNER_PROBLEMS)[number];

/**
 * The document's problem (DESIGN.md): a short code, set only when its own outcome is Success but something inside
 * failed or was flagged: a failed workflow task, a failed sub-step, a Code other than Success, a moderation verdict
 * other than normal. A document that failed outright says so by its State instead.
 */
export function documentProblem(
  model: CallbackModel | undefined,
  state: DocumentState,
): InnerProblemKind | undefined {
  if (model === undefined || state !== 'Success') return undefined;
  const kinds = new Set<ProblemKind>(modelProblems(model).map((p) => p.kind));
  return INNER_PROBLEMS.find((k) => kinds.has(k));
}
