/**
 * The shared callback model: what the XML and the JSON form of a callback both become (DESIGN.md, "The shared
 * model"). Its types are derived from the wire tables in `normalize/schema.ts`, so each model key's wire name and
 * source are documented there. Rules: lists are always lists; scalars are absent when the payload has no value
 * (empty, `-` or missing); numbers and times keep their verbatim text; anything the tables do not know is kept
 * in the nearest node's `extras`.
 */
import type { Diagnostic, SourcePosition } from './diagnostics';
import type { NumberValue, TimeValue } from './normalize/values';
import type {
  FieldSpec,
  Schema,
  cosHeaderSchema,
  jobSchema,
  jobsBodySchema,
  workflowBodySchema,
  workflowExecutionSchema,
  workflowTaskSchema,
  workflowRefSchema,
  picProcessResultSchema,
  mediaInfoSchema,
  outputFileSchema,
  jobInputSchema,
  operationSchema,
  imageInfoSchema,
} from './normalize/schema';

import type {
  moderationBodySchema,
  moderationCategorySchema,
  moderationJobSchema,
  moderationSegmentSchema,
} from './normalize/moderation-schema';

export type { NumberValue, TimeValue } from './normalize/values';

/** A node kept as it came: a leaf's verbatim text, a list, or named children in source order. */
export type Tree = string | readonly Tree[] | TreeRecord;
export interface TreeRecord {
  readonly entries: readonly TreeEntry[];
}
export interface TreeEntry {
  /** The wire name (`@name` for an XML attribute, `#text` for mixed text). */
  readonly name: string;
  readonly value: Tree;
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type IsList<F> = F extends { kind: 'texts' | 'records' | 'named' | 'pairs' } ? true : false;
type ValueOf<F> = F extends { kind: 'text' }
  ? string
  : F extends { kind: 'num' }
    ? NumberValue
    : F extends { kind: 'time' }
      ? TimeValue
      : F extends { kind: 'texts' }
        ? readonly string[]
        : F extends { kind: 'tree' }
          ? Tree
          : F extends { kind: 'named' }
            ? readonly TreeEntry[]
            : F extends { kind: 'pairs' }
              ? readonly ModelOf<typeof cosHeaderSchema>[]
              : F extends { kind: 'record'; schema: infer S extends Schema }
                ? ModelOf<S>
                : F extends { kind: 'records'; schema: infer S extends Schema }
                  ? readonly ModelOf<S>[]
                  : never;

/** The model node a wire table describes: list fields always present, scalar and record fields optional. */
export type ModelOf<S extends Schema> = Simplify<
  { readonly [K in keyof S as IsList<S[K]> extends true ? K : never]: ValueOf<S[K]> } & {
    readonly [K in keyof S as IsList<S[K]> extends true ? never : K]?: ValueOf<S[K]>;
  } & {
    /** Nodes of the payload that the wire table does not know, verbatim. */
    readonly extras: readonly TreeEntry[];
  }
>;

export type { FieldSpec, Schema };
export type CosHeader = ModelOf<typeof cosHeaderSchema>;
export type Job = ModelOf<typeof jobSchema>;
export type JobInput = ModelOf<typeof jobInputSchema>;
export type Operation = ModelOf<typeof operationSchema>;
export type PicProcessResult = ModelOf<typeof picProcessResultSchema>;
export type ImageInfo = ModelOf<typeof imageInfoSchema>;
export type MediaInfo = ModelOf<typeof mediaInfoSchema>;
export type OutputFile = ModelOf<typeof outputFileSchema>;
export type WorkflowExecution = ModelOf<typeof workflowExecutionSchema>;
export type WorkflowTask = ModelOf<typeof workflowTaskSchema>;
/** A job's `Workflow` node (a list in the Go SDK): the workflow run that made the job. */
export type WorkflowRef = ModelOf<typeof workflowRefSchema>;

/** States published for jobs, tasks and workflow executions. */
export const JOB_STATES = ['Submitted', 'Running', 'Success', 'Failed', 'Pause', 'Cancel'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A TaskFinish callback, or a job list response: `JobsDetail` makes a job document. */
export type JobsCallback = Simplify<{ readonly kind: 'jobs' } & ModelOf<typeof jobsBodySchema>>;
/** A WorkflowFinish callback, or a DescribeWorkflowExecution response. */
export type WorkflowCallback = Simplify<{ readonly kind: 'workflow' } & ModelOf<typeof workflowBodySchema>>;
export type ModerationJob = ModelOf<typeof moderationJobSchema>;
export type ModerationCategory = ModelOf<typeof moderationCategorySchema>;
export type ModerationSegment = ModelOf<typeof moderationSegmentSchema>;
/**
 * A content-moderation (内容审核) callback, or a moderation job's query response. `simple`: the snake_case
 * `{code, message, data}` callback (`jobs` holds `data`); `detail`: `{EventName, JobsDetail}` (XML or JSON).
 */
export type ModerationCallback = Simplify<
  {
    readonly kind: 'moderation';
    readonly shape: 'simple' | 'detail';
    /** The settings test request Tencent sends when a callback URL is saved (recognised by its message). */
    readonly isTestRequest: boolean;
  } & ModelOf<typeof moderationBodySchema>
>;
/** Any other shape, kept whole. */
export interface UnrecognisedCallback {
  readonly kind: 'unrecognised';
  readonly tree: Tree;
}
export type CallbackModel = JobsCallback | WorkflowCallback | ModerationCallback | UnrecognisedCallback;

export type SourceFormat = 'xml' | 'json' | 'text';

/**
 * A document's state: its job's State (with several jobs, `Failed` if any failed, else the first that is not
 * `Success`, else `Success`); a workflow's `WorkflowExecution.State`; `Unknown` for an unrecognised document;
 * `Invalid` when the payload could not be read. A State the payload spells otherwise is kept as it is.
 */
export type DocumentState = JobState | 'Invalid' | 'Unknown' | (string & {});

/** Where a document's text sits in the input given to `parsePayload`. */
export interface DocumentSource {
  /** The payload's own text, exactly. */
  readonly text: string;
  /** Position of its first character in the input. */
  readonly start: SourcePosition;
}

export interface CallbackDocument {
  /** Position of the payload in the input, counted from 0. */
  readonly index: number;
  readonly format: SourceFormat;
  readonly state: DocumentState;
  /** Absent when the payload could not be read (`state` is `Invalid`; its error is in `diagnostics`). */
  readonly model?: CallbackModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly source: DocumentSource;
  /** The `Content-Type` of the HTTP request the payload came in, when the input was a request dump. */
  readonly contentType?: string;
  /** The `X-Ci-Content-Version` header (`Simple` or `Detail`) of the request dump a moderation callback came in. */
  readonly contentVersion?: string;
}

export interface ParseResult {
  readonly documents: readonly CallbackDocument[];
  /** About the input as a whole (lines skipped, an empty input, …), not about one document. */
  readonly diagnostics: readonly Diagnostic[];
}
