import type { Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages-en';

/**
 * The published examples (src/domain/__fixtures__), loaded on demand: each is its own small chunk, none is in
 * the initial bundle.
 */
const FIXTURE_PREFIX = '../../domain/__fixtures__/';
const loaders = import.meta.glob<string>('../../domain/__fixtures__/{seed,docs,derived}/*', {
  query: '?raw',
  import: 'default',
});

export type SampleGroup = 'seed' | 'docs' | 'derived';

/** A piece of a sample's label: Tencent's own words as they are, or a message in the interface language. */
export type LabelPart =
  string | { readonly key: MessageKey; readonly params?: Readonly<Record<string, string | number>> };

export interface Sample {
  /** The fixture's path under `__fixtures__`, e.g. `seed/case2-workflow.xml`. */
  readonly id: string;
  readonly group: SampleGroup;
  readonly parts: readonly LabelPart[];
  /** XML, JSON, JSON Lines, HTTP, log: from the file name. */
  readonly format: string;
}

const jobApi: LabelPart = { key: 'load.sample.jobApi' };
const workflow: LabelPart = { key: 'load.sample.workflow' };
const trailingComma: LabelPart = { key: 'load.sample.trailingComma' };
const picWorkflow: LabelPart = { key: 'load.sample.picWorkflow' };
const picJobApi: LabelPart = { key: 'load.sample.picJobApi' };

/**
 * Readable labels, in menu order: the three callbacks of the product's specification first (a full
 * workflow-triggered image job), described by what they are: the specification's case numbers mean nothing to a
 * reader.
 */
const LABELS: readonly (readonly [string, readonly LabelPart[]])[] = [
  ['seed/case2-workflow.xml', [picWorkflow]],
  ['seed/case1-job-api.xml', [picJobApi]],
  ['seed/case3-workflow-trailing-comma.json', [picWorkflow, trailingComma]],
  ['docs/workflowfinish_callback.xml', ['WorkflowFinish']],
  ['docs/workflowfinish_callback.json', ['WorkflowFinish']],
  ['docs/picprocess_callback_job_api.xml', ['PicProcess', jobApi]],
  ['docs/picprocess_callback_workflow.xml', ['PicProcess', workflow]],
  ['docs/picprocess_callback_workflow.json', ['PicProcess', workflow]],
  [
    'docs/picprocess_describe_jobs_list_multiple_jobsdetail.xml',
    ['DescribePicProcessJobs', { key: 'load.sample.jobCount', params: { count: 2 } }],
  ],
  ['docs/sdrtohdr_callback_workflow.xml', ['SDRtoHDR', workflow]],
  ['docs/sdrtohdr_callback_workflow.json', ['SDRtoHDR', workflow]],
  ['docs/snapshot_callback_job_api.xml', ['Snapshot', jobApi]],
  ['docs/snapshot_callback_workflow.json', ['Snapshot', workflow]],
  ['docs/videomontage_callback_workflow.json', ['VideoMontage', workflow]],
  ['docs/translation_callback_job_api.xml', ['Translation', jobApi]],
  ['docs/translation_callback_job_api_INVALID_trailing_comma.json', ['Translation', jobApi, trailingComma]],
  [
    'docs/transcode_callback_workflow_legacy_no_eventname.xml',
    ['Transcode', workflow, { key: 'load.sample.legacy' }],
  ],
  [
    'docs/transcode_submitted_jobsdetail_javasdk_test.xml',
    ['Transcode', 'Submitted', { key: 'load.sample.javaSdk' }],
  ],
  [
    'docs/workflowexecution_describe_api_with_failed_task.xml',
    ['DescribeWorkflowExecution', { key: 'load.sample.failedTask' }],
  ],
  ['derived/picprocess_failed_job.xml', ['PicProcess', 'Failed']],
  ['derived/picprocess_shape_b_uploadresult.xml', ['PicProcess', { key: 'load.sample.shapeB' }]],
  ['derived/picprocess_colon_offsets.xml', ['PicProcess', { key: 'load.sample.colonOffsets' }]],
  ['derived/taskfinish_without_response_root.xml', ['TaskFinish', { key: 'load.sample.noRoot' }]],
  ['derived/callbacks.jsonl', [{ key: 'load.sample.callbacks', params: { count: 3 } }]],
  ['derived/callbacks_array.json', [{ key: 'load.sample.array', params: { count: 2 } }]],
  ['derived/http_request_dump.txt', [{ key: 'load.sample.httpDump' }]],
  ['derived/server_log_with_prefixes.log', [{ key: 'load.sample.serverLog', params: { count: 2 } }]],
];

const FORMATS: Readonly<Record<string, string>> = {
  xml: 'XML',
  json: 'JSON',
  jsonl: 'JSON Lines',
  txt: 'HTTP',
  log: 'Log',
};

function formatOf(id: string): string {
  const ext = id.slice(id.lastIndexOf('.') + 1).toLowerCase();
  return Object.hasOwn(FORMATS, ext) ? (FORMATS[ext] ?? ext) : ext.toUpperCase();
}

function groupOf(id: string): SampleGroup {
  return id.startsWith('seed/') ? 'seed' : id.startsWith('docs/') ? 'docs' : 'derived';
}

function fileNameOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

const available = new Set(Object.keys(loaders).map((path) => path.slice(FIXTURE_PREFIX.length)));

/** Every sample: the labelled ones in their order, then any other fixture under its file name. */
export const SAMPLES: readonly Sample[] = [
  ...LABELS.filter(([id]) => available.has(id)).map(([id, parts]) => ({
    id,
    group: groupOf(id),
    parts,
    format: formatOf(id),
  })),
  ...[...available]
    .filter((id) => !LABELS.some(([known]) => known === id))
    .sort()
    .map((id) => ({ id, group: groupOf(id), parts: [fileNameOf(id)], format: formatOf(id) })),
];

export const FIRST_SAMPLE_ID = 'seed/case2-workflow.xml';

export function findSample(id: string): Sample | undefined {
  return SAMPLES.find((s) => s.id === id);
}

/** The sample's text (fetched from its chunk the first time). */
export async function readSample(id: string): Promise<string> {
  const load = loaders[`${FIXTURE_PREFIX}${id}`];
  if (!load) throw new Error(`No sample ${id}`);
  return load();
}

/** "PicProcess · workflow (XML)" in the interface language. */
export function sampleLabel(sample: Sample, t: Translate): string {
  const text = sample.parts.map((p) => (typeof p === 'string' ? p : t(p.key, p.params))).join(' · ');
  return `${text} (${sample.format})`;
}

/** The label of a loaded sample by its id; the id itself for a sample this build does not know. */
export function sampleLabelById(id: string, t: Translate): string {
  const sample = findSample(id);
  return sample ? sampleLabel(sample, t) : fileNameOf(id);
}
