/** The identifying fields of one job and of one workflow run, for the summary panel (FIELDS.md §1.1, §4). */
import type { Job, NumberValue, WorkflowExecution } from '../model';
import { definedOnly } from './compact';

export interface JobSummary {
  readonly index: number;
  readonly state?: string;
  readonly tag?: string;
  readonly subTag?: string;
  readonly jobId?: string;
  readonly code?: string;
  readonly message?: string;
  readonly queueId?: string;
  readonly queueType?: string;
  readonly templateId?: string;
  readonly templateName?: string;
  readonly userData?: string;
  readonly jobLevel?: NumberValue;
  readonly progress?: NumberValue;
  /** JobsDetail.Workflow, for workflow-triggered jobs. */
  readonly workflow?: {
    readonly name?: string;
    readonly runId?: string;
    readonly workflowId?: string;
    readonly workflowName?: string;
  };
}

export interface ExecutionSummary {
  readonly workflowId?: string;
  readonly workflowName?: string;
  readonly runId?: string;
  readonly state?: string;
  readonly bucketId?: string;
  readonly object?: string;
  readonly createTimeText?: string;
  readonly taskCount: number;
  readonly failedTaskCount: number;
}

export function jobSummary(job: Job, index: number): JobSummary {
  const w = job.workflows[0];
  const op = job.operation;
  return definedOnly<JobSummary>({
    index,
    state: job.state,
    tag: job.tag,
    subTag: job.subTag,
    jobId: job.jobId,
    code: job.code,
    message: job.message,
    queueId: job.queueId,
    queueType: job.queueType,
    templateId: op?.templateId,
    templateName: op?.templateName,
    userData: op?.userData,
    jobLevel: op?.jobLevel,
    progress: job.progress,
    workflow:
      w &&
      definedOnly({ name: w.name, runId: w.runId, workflowId: w.workflowId, workflowName: w.workflowName }),
  });
}

export function executionSummary(e: WorkflowExecution): ExecutionSummary {
  return definedOnly<ExecutionSummary>({
    workflowId: e.workflowId,
    workflowName: e.workflowName,
    runId: e.runId,
    state: e.state,
    bucketId: e.bucketId,
    object: e.object,
    createTimeText: e.createTime?.text,
    taskCount: e.tasks.length,
    failedTaskCount: e.tasks.filter((t) => t.state === 'Failed').length,
  });
}
