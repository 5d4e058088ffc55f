/**
 * A seeded, deterministic generator of a callback log for the parse benchmark (`npm run bench`) and the browser
 * benchmark: many one-line callbacks drawn from every real fixture payload (bench/fixture-payloads.ts), with
 * varied JobIds, times, States, object keys, UserData, COS headers and snapshot frame counts, about half XML and
 * half JSON Lines, a third of them behind a server-log prefix, and a few log lines without a payload.
 *
 * Each fixture payload is compiled once into a template: its one-line text cut into literal parts and slots
 * (a JobId, a time, a State, …) found by their place in the tree (`JobsDetail.StartTime`, never
 * `MediaInfo.Format.StartTime`). A callback is then the literal parts with the slots filled from a plan drawn
 * from the seeded PRNG: no parser runs while generating, and the literal text of the fixture is never altered.
 *
 * CLI: node --import tsx bench/generate-log.ts --count 10000 --seed 1 --out bench/out/callbacks-10000.log
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadFixturePayloads, type FixturePayload, type PayloadFormat } from './fixture-payloads';

// ---------------------------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence on every engine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** [0, 1) */
  float(): number {
    return this.next();
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  hex(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += HEX[Math.floor(this.next() * 16)];
    return s;
  }
  /** Mostly small, sometimes up to `max`: queue waits and run times. */
  skewed(max: number): number {
    const r = this.next();
    return Math.floor(max * r * r * r);
  }
}

const HEX = '0123456789abcdef';

// ---------------------------------------------------------------------------------------------------------------
// Times

interface TimeStyle {
  /** `T` or a space between date and time. */
  readonly separator: string;
  readonly offsetMinutes: number;
  /** `+08:00` rather than `+0800`. */
  readonly colon: boolean;
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2}):(\d{2})([+-])(\d{2})(:?)(\d{2})$/;
const DEFAULT_STYLE: TimeStyle = { separator: 'T', offsetMinutes: 480, colon: false };

function styleOf(text: string): TimeStyle | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  const sign = m[8] === '-' ? -1 : 1;
  return {
    separator: m[4] ?? 'T',
    offsetMinutes: sign * (Number(m[9]) * 60 + Number(m[11])),
    colon: m[10] === ':',
  };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** An instant written in the source's own style and offset, e.g. `2022-07-18T15:16:43+0800`. */
export function formatTime(epochMs: number, style: TimeStyle): string {
  const d = new Date(epochMs + style.offsetMinutes * 60_000);
  const abs = Math.abs(style.offsetMinutes);
  const sign = style.offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(abs / 60))}${style.colon ? ':' : ''}${pad(abs % 60)}`;
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${style.separator}` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${offset}`
  );
}

/** The log prefix's local time, `2022-07-18 15:16:44.120`, at +08:00. */
function logTimestamp(epochMs: number): string {
  const d = new Date(epochMs + 480 * 60_000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Templates

type Scope = 'job' | 'workflow' | 'task';

type SlotField =
  | 'JobId'
  | 'State'
  | 'Code'
  | 'Message'
  | 'CreationTime'
  | 'StartTime'
  | 'EndTime'
  | 'CreateTime'
  | 'RunId'
  | 'UserData'
  | 'InputKey'
  | 'CosHeaders'
  | 'SnapshotFrames';

/**
 * - value: a leaf's text (XML) or a string value with its quotes (JSON), replaced by a new value;
 * - member: a whole `Message` element or key/value pair, written or not;
 * - insert: an empty place after the last `CosHeaders` / snapshot `ObjectName`, where more may be added.
 */
type SlotKind = 'value' | 'member' | 'insert';

interface Slot {
  readonly kind: SlotKind;
  readonly field: SlotField;
  readonly scope: Scope;
  /** Which job (JobsDetail) or task (Tasks) of the payload. */
  readonly group: number;
  /** The value in the fixture (unescaped), or '' for an insert or a missing member. */
  readonly original: string;
  /** The raw text the slot replaced. */
  readonly raw: string;
}

interface Template {
  readonly source: string;
  readonly format: PayloadFormat;
  readonly kind: 'jobs' | 'workflow';
  /** `parts.length === slots.length + 1`. */
  readonly parts: readonly string[];
  readonly slots: readonly Slot[];
  /** Each job's State in the fixture. */
  readonly jobStates: readonly string[];
  readonly taskCount: number;
  readonly tag: string;
  readonly timeStyle: TimeStyle;
  /** Existing snapshot frames (the next frame is numbered from here). */
  readonly frameCount: number;
  /** Relative weight when drawing a template of its format. */
  readonly weight: number;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly slot: Slot;
}

const JOB_FIELDS = new Set<string>([
  'JobId',
  'State',
  'Code',
  'Message',
  'CreationTime',
  'StartTime',
  'EndTime',
]);
const WORKFLOW_FIELDS = new Set<string>(['State', 'CreateTime', 'RunId']);
const TASK_FIELDS = new Set<string>(['JobId', 'State', 'CreateTime', 'StartTime', 'EndTime']);

/** Which slot a leaf named `name` under `parent` (under `grandparent`) is, if any. */
function leafSlot(
  name: string,
  parent: string | undefined,
  grandparent: string | undefined,
  counters: { jobs: number; tasks: number },
): { field: SlotField; scope: Scope; group: number } | undefined {
  const job = counters.jobs - 1;
  if (parent === 'JobsDetail') {
    if (JOB_FIELDS.has(name)) return { field: name as SlotField, scope: 'job', group: job };
    return undefined;
  }
  if (parent === 'Operation' && grandparent === 'JobsDetail' && name === 'UserData') {
    return { field: 'UserData', scope: 'job', group: job };
  }
  if (parent === 'Workflow' && grandparent === 'JobsDetail' && name === 'RunId') {
    return { field: 'RunId', scope: 'job', group: job };
  }
  if (parent === 'WorkflowExecution' && WORKFLOW_FIELDS.has(name)) {
    return { field: name as SlotField, scope: 'workflow', group: 0 };
  }
  if (parent === 'Tasks' && grandparent === 'WorkflowExecution' && TASK_FIELDS.has(name)) {
    return { field: name as SlotField, scope: 'task', group: counters.tasks - 1 };
  }
  return undefined;
}

/** The input object key: `JobsDetail.Input.Object`, or `WorkflowExecution.Object`. */
function isInputKey(name: string, parent: string | undefined, grandparent: string | undefined): boolean {
  return (
    name === 'Object' &&
    ((parent === 'Input' && grandparent === 'JobsDetail') || parent === 'WorkflowExecution')
  );
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : "'",
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface Found {
  /** The payload's one-line text, with each slot's raw text in place. */
  text: string;
  edits: Edit[];
  jobStates: string[];
  taskCount: number;
  tag: string;
  inputKey: string | undefined;
  frameCount: number;
  kind: 'jobs' | 'workflow';
}

function emptyFound(text: string): Found {
  return {
    text,
    edits: [],
    jobStates: [],
    taskCount: 0,
    tag: '',
    inputKey: undefined,
    frameCount: 0,
    kind: 'jobs',
  };
}

/** Finds the slots of a minified XML payload by walking its tags with a stack (fixtures: no CDATA, no comments). */
function findXmlSlots(text: string): Found {
  const TAG = /<(\/?)([^\s/>]+)[^>]*?(\/?)>/g;
  const stack: string[] = [];
  const counters = { jobs: 0, tasks: 0 };
  const found = emptyFound(text);
  const lastCosHeaders = new Map<string, { end: number; scope: Scope; group: number }>();
  let lastFrame: { end: number; group: number } | undefined;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const [whole, close, name = '', selfClose] = m;
    const end = m.index + whole.length;
    const parent = stack[stack.length - 1];
    const grandparent = stack[stack.length - 2];
    if (close) {
      stack.pop();
      const owner = stack[stack.length - 1];
      if (name === 'CosHeaders' && (owner === 'Input' || owner === 'WorkflowExecution')) {
        const scope: Scope = owner === 'Input' ? 'job' : 'workflow';
        const group = scope === 'job' ? counters.jobs - 1 : 0;
        lastCosHeaders.set(`${scope}${group}`, { end, scope, group });
      }
      if (name === 'ObjectName' && owner === 'OutputFile') lastFrame = { end, group: counters.jobs - 1 };
      continue;
    }
    if (selfClose) {
      if (name === 'Message' && parent === 'JobsDetail') {
        const slot: Slot = {
          kind: 'member',
          field: 'Message',
          scope: 'job',
          group: counters.jobs - 1,
          original: '',
          raw: whole,
        };
        found.edits.push({ start: m.index, end, slot });
      }
      continue;
    }
    if (name === 'JobsDetail') {
      counters.jobs++;
      found.jobStates.push('');
    }
    if (name === 'WorkflowExecution') found.kind = 'workflow';
    if (name === 'Tasks' && parent === 'WorkflowExecution') counters.tasks++;
    stack.push(name);
    // A leaf: its text runs to the next `<`, which closes it.
    const lt = text.indexOf('<', end);
    if (lt === -1 || !text.startsWith(`</${name}>`, lt)) continue;
    const value = unescapeXml(text.slice(end, lt));
    if (name === 'Tag' && parent === 'JobsDetail' && found.tag === '') found.tag = value;
    if (name === 'ObjectName' && parent === 'OutputFile') found.frameCount++;
    if (isInputKey(name, parent, grandparent) && found.inputKey === undefined && value !== '')
      found.inputKey = value;
    const where = leafSlot(name, parent, grandparent, counters);
    if (!where) continue;
    if (where.field === 'State' && where.scope === 'job') found.jobStates[where.group] = value;
    found.edits.push({
      start: end,
      end: lt,
      slot: { kind: 'value', ...where, original: value, raw: text.slice(end, lt) },
    });
  }
  found.taskCount = counters.tasks;
  for (const c of lastCosHeaders.values()) {
    const slot: Slot = {
      kind: 'insert',
      field: 'CosHeaders',
      scope: c.scope,
      group: c.group,
      original: '',
      raw: '',
    };
    found.edits.push({ start: c.end, end: c.end, slot });
  }
  if (lastFrame && found.tag === 'Snapshot') {
    const slot: Slot = {
      kind: 'insert',
      field: 'SnapshotFrames',
      scope: 'job',
      group: lastFrame.group,
      original: '',
      raw: '',
    };
    found.edits.push({ start: lastFrame.end, end: lastFrame.end, slot });
  }
  return found;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isJsonObject(v: Json): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Finds the slots of a JSON payload: walks the parsed value and puts a sentinel string `"@@n@@"` where a slot
 * goes: as a value; as a key `"@@n@@":0` after `JobId` when the job has no `Message`; as an element after the
 * last CosHeaders or snapshot ObjectName. Serialises it with `JSON.stringify`, then cuts the text there.
 */
function findJsonSlots(text: string): Found {
  const found = emptyFound('');
  const pending: Omit<Slot, 'raw'>[] = [];
  const counters = { jobs: 0, tasks: 0 };
  const sentinel = (slot: Omit<Slot, 'raw'>): string => {
    pending.push(slot);
    return `@@${pending.length - 1}@@`;
  };

  const walk = (value: Json, name: string | undefined, parent: string | undefined): Json => {
    if (Array.isArray(value)) {
      const out = value.map((v) => walk(v, name, parent));
      if (name === 'CosHeaders' && (parent === 'Input' || parent === 'WorkflowExecution')) {
        const scope: Scope = parent === 'Input' ? 'job' : 'workflow';
        const group = scope === 'job' ? counters.jobs - 1 : 0;
        out.push(sentinel({ kind: 'insert', field: 'CosHeaders', scope, group, original: '' }));
      }
      if (name === 'ObjectName' && parent === 'OutputFile') {
        found.frameCount += value.length;
        if (found.tag === 'Snapshot') {
          out.push(
            sentinel({
              kind: 'insert',
              field: 'SnapshotFrames',
              scope: 'job',
              group: counters.jobs - 1,
              original: '',
            }),
          );
        }
      }
      return out;
    }
    if (!isJsonObject(value)) return value;
    if (name === 'JobsDetail') {
      counters.jobs++;
      if (found.tag === '' && typeof value.Tag === 'string') found.tag = value.Tag;
      found.jobStates.push(typeof value.State === 'string' ? value.State : '');
    }
    if (name === 'WorkflowExecution') found.kind = 'workflow';
    if (name === 'Tasks' && parent === 'WorkflowExecution') counters.tasks++;
    const out: { [key: string]: Json } = {};
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string') {
        if (isInputKey(key, name, parent) && found.inputKey === undefined && v !== '') found.inputKey = v;
        const where = leafSlot(key, name, parent, counters);
        out[key] = where ? sentinel({ kind: 'value', ...where, original: v }) : v;
      } else {
        out[key] = walk(v, key, name);
      }
      if (key === 'JobId' && name === 'JobsDetail' && !('Message' in value)) {
        out[
          sentinel({ kind: 'member', field: 'Message', scope: 'job', group: counters.jobs - 1, original: '' })
        ] = 0;
      }
    }
    return out;
  };

  const serialised = JSON.stringify(walk(JSON.parse(text) as Json, undefined, undefined));
  found.taskCount = counters.tasks;
  const SENTINEL = /"@@(\d+)@@"/g;
  let literal = '';
  let at = 0;
  for (let m = SENTINEL.exec(serialised); m; m = SENTINEL.exec(serialised)) {
    const slot = pending[Number(m[1])];
    if (!slot) throw new Error('JSON slots: lost a sentinel');
    let start = m.index;
    let end = m.index + m[0].length;
    let raw = '';
    if (slot.kind === 'value') {
      raw = JSON.stringify(slot.original);
    } else if (slot.kind === 'member') {
      // `"@@n@@":0,` after JobId: the whole member and its comma.
      if (!serialised.startsWith(':0,', end))
        throw new Error('JSON slots: Message must be followed by a member');
      end += 3;
    } else {
      // `,"@@n@@"` appended to a non-empty array: the element and its comma.
      if (serialised.charAt(start - 1) !== ',') throw new Error('JSON slots: insert into an empty array');
      start -= 1;
    }
    literal += serialised.slice(at, start);
    found.edits.push({ start: literal.length, end: literal.length + raw.length, slot: { ...slot, raw } });
    literal += raw;
    at = end;
  }
  literal += serialised.slice(at);
  if (found.edits.length !== pending.length)
    throw new Error(`JSON slots: found ${found.edits.length} of ${pending.length}`);
  found.text = literal;
  return found;
}

/** Weights within a format: the large media callbacks (SDR to HDR, video montage, snapshot) are common. */
function weightOf(source: string): number {
  if (source.includes('sdrtohdr') || source.includes('videomontage')) return 6;
  if (source.includes('snapshot')) return 4;
  return 1;
}

function compileTemplate(payload: FixturePayload): Template {
  const found = payload.format === 'xml' ? findXmlSlots(payload.text) : findJsonSlots(payload.text);
  const { text } = found;
  if (payload.format === 'json' && text !== payload.text)
    throw new Error(`${payload.source}: JSON slots changed the text`);
  const edits = [...found.edits];
  // Every occurrence of the input key (Input.Object, and a Location or OriginalInfo Key) gets the new key.
  if (found.inputKey !== undefined) {
    const key = found.inputKey;
    const raw = payload.format === 'xml' ? escapeXml(key) : JSON.stringify(key).slice(1, -1);
    for (let i = text.indexOf(raw); i !== -1; i = text.indexOf(raw, i + raw.length)) {
      const end = i + raw.length;
      if (edits.some((e) => e.start < end && i < e.end)) continue;
      edits.push({
        start: i,
        end,
        slot: { kind: 'value', field: 'InputKey', scope: 'job', group: 0, original: key, raw },
      });
    }
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  const slots: Slot[] = [];
  let at = 0;
  for (const e of edits) {
    if (e.start < at) throw new Error(`${payload.source}: overlapping slots at ${e.start}`);
    parts.push(text.slice(at, e.start));
    slots.push(e.slot);
    at = e.end;
  }
  parts.push(text.slice(at));
  const firstTime = slots.map((s) => styleOf(s.original)).find((s) => s !== undefined);
  return {
    source: payload.source,
    format: payload.format,
    kind: found.kind,
    parts,
    slots,
    jobStates: found.jobStates,
    taskCount: found.taskCount,
    tag: found.tag,
    timeStyle: firstTime ?? DEFAULT_STYLE,
    frameCount: found.frameCount,
    weight: weightOf(payload.source),
  };
}

/** The templates, compiled once per process. */
let compiled: readonly Template[] | undefined;
function templates(): readonly Template[] {
  compiled ??= loadFixturePayloads().map(compileTemplate);
  return compiled;
}

/** The fixture payloads the generator draws from, with the slots it varies in each (for tests and reports). */
export function describeTemplates(): {
  source: string;
  format: PayloadFormat;
  kind: string;
  slots: number;
  weight: number;
}[] {
  return templates().map((t) => ({
    source: t.source,
    format: t.format,
    kind: t.kind,
    slots: t.slots.length,
    weight: t.weight,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Plans: what one generated callback says

interface JobPlan {
  readonly id: string;
  readonly state: string;
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly created: number;
  /** undefined: `-` (not started / not ended). */
  readonly started: number | undefined;
  readonly ended: number | undefined;
  readonly userData: string | undefined;
  readonly extraHeaders: number;
  readonly extraFrames: number;
}

interface TaskPlan {
  readonly id: string;
  readonly state: string | undefined;
  readonly created: number;
  readonly started: number;
  readonly ended: number;
}

interface CallbackPlan {
  readonly jobs: readonly JobPlan[];
  readonly tasks: readonly TaskPlan[];
  readonly workflowState: string | undefined;
  readonly workflowCreated: number;
  readonly workflowHeaders: number;
  readonly runId: string;
  readonly inputKey: string | undefined;
  /** When the callback reached the receiver: the log prefix's time. */
  readonly arrived: number;
}

const FAILURES: readonly (readonly [string, string])[] = [
  ['InvalidInput', 'The input image format is not supported'],
  ['InvalidInput', 'The input file does not exist'],
  ['InvalidInput', 'The input media has no video stream'],
  ['InternalError', 'Internal error, please retry later'],
  ['InternalError', 'Failed to write the output object to COS'],
];

/** UserData is at most 1024 printable ASCII characters (API docs). */
const USER_DATA_MAX = 1024;
const USER_DATA_SOURCES = [
  'mini-program',
  'web-upload',
  'batch-import',
  'ios-app',
  'android-app',
  'backfill',
];
const META_KEYS = [
  'x-cos-meta-uid',
  'x-cos-meta-source',
  'x-cos-meta-trace-id',
  'x-cos-meta-filename',
  'x-cos-meta-album',
  'x-cos-meta-biz',
];

/** A new id of the same prefix letter and length as the fixture's, with random hex after the prefix. */
function newId(rng: Random, original: string): string {
  return original.length <= 1 ? original : original.charAt(0) + rng.hex(original.length - 1);
}

/** A new key beside the original: same directory (or URL), a random name, the same extension. */
function newKey(rng: Random, original: string): string {
  const slash = original.lastIndexOf('/');
  const dir = original.slice(0, slash + 1);
  const name = original.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot === -1 ? '' : name.slice(dot);
  const date = `${2022}${pad(rng.int(1, 12))}${pad(rng.int(1, 28))}`;
  return `${dir}${date}/${rng.pick(['img', 'upload', 'media', 'file', 'clip'])}-${rng.hex(rng.int(6, 16))}${ext}`;
}

/**
 * UserData (up to 1024 printable ASCII characters): the fixture's sentence about half the time, otherwise a
 * context string as integrators pass through, sometimes a JSON text, sometimes long.
 */
function newUserData(rng: Random): string | undefined {
  const r = rng.float();
  if (r < 0.3) return undefined;
  const uid = `u${rng.int(100000, 99999999)}`;
  const trace = rng.hex(32);
  const source = rng.pick(USER_DATA_SOURCES);
  if (r < 0.5) return `uid=${uid};trace=${trace};source=${source}`;
  let text = `{"uid":"${uid}","traceId":"${trace}","source":"${source}"`;
  const extra = rng.int(0, 20);
  for (let i = 0; i < extra; i++) {
    const field = `,"k${i}":"${rng.hex(rng.int(16, 48))}"`;
    if (text.length + field.length + 1 > USER_DATA_MAX) break;
    text += field;
  }
  return `${text}}`;
}

/**
 * Failed jobs: this share of all jobs, plus the fixture that is Failed itself (about 2% of callbacks), makes
 * about 8% in all; Submitted ones (`-` times) come on top of the two Submitted fixtures.
 */
const FAILED_SHARE = 0.06;
const SUBMITTED_SHARE = 0.05;

function planJobState(rng: Random, original: string): { state: string; failure?: readonly [string, string] } {
  const r = rng.float();
  if (r < FAILED_SHARE || original === 'Failed') return { state: 'Failed', failure: rng.pick(FAILURES) };
  if (r < FAILED_SHARE + SUBMITTED_SHARE) return { state: 'Submitted' };
  return { state: original === '' ? 'Success' : original };
}

function planCallback(rng: Random, template: Template, created: number): CallbackPlan {
  let last = created;
  const jobs: JobPlan[] = template.jobStates.map((original, g) => {
    const { state, failure } = planJobState(rng, original);
    const idSlot = template.slots.find((s) => s.field === 'JobId' && s.scope === 'job' && s.group === g);
    const jobCreated = created + rng.int(0, 2) * 1000;
    const started = jobCreated + rng.skewed(120) * 1000;
    const ended = started + (state === 'Failed' ? rng.skewed(30) : rng.skewed(600)) * 1000;
    const submitted = state === 'Submitted';
    if (!submitted) last = Math.max(last, ended);
    return {
      id: newId(rng, idSlot?.original ?? ''),
      state,
      code: failure?.[0],
      message: failure?.[1],
      created: jobCreated,
      started: submitted ? undefined : started,
      ended: submitted ? undefined : ended,
      userData: newUserData(rng),
      extraHeaders: rng.chance(0.6) ? rng.int(1, 6) : 0,
      extraFrames: template.tag === 'Snapshot' ? rng.int(0, 300) : 0,
    };
  });
  const failedWorkflow = template.kind === 'workflow' && rng.chance(0.08);
  const failedTask = failedWorkflow ? rng.int(0, Math.max(0, template.taskCount - 1)) : -1;
  const tasks: TaskPlan[] = [];
  for (let t = 0; t < template.taskCount; t++) {
    const idSlot = template.slots.find((s) => s.field === 'JobId' && s.scope === 'task' && s.group === t);
    const taskCreated = created + rng.skewed(120) * 1000;
    const taskStarted = taskCreated + rng.skewed(20) * 1000;
    const taskEnded = taskStarted + rng.skewed(600) * 1000;
    last = Math.max(last, taskEnded);
    tasks.push({
      id: newId(rng, idSlot?.original ?? ''),
      state: t === failedTask ? 'Failed' : undefined,
      created: taskCreated,
      started: taskStarted,
      ended: taskEnded,
    });
  }
  const keySlot = template.slots.find((s) => s.field === 'InputKey');
  const runSlot = template.slots.find((s) => s.field === 'RunId');
  return {
    jobs,
    tasks,
    workflowState: failedWorkflow ? 'Failed' : undefined,
    workflowCreated: created,
    workflowHeaders: rng.chance(0.6) ? rng.int(1, 6) : 0,
    runId: newId(rng, runSlot?.original ?? ''),
    inputKey: keySlot ? newKey(rng, keySlot.original) : undefined,
    arrived: last + rng.int(5, 900),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Filling a template

function extraHeaders(rng: Random, count: number, format: PayloadFormat): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const key = META_KEYS[i % META_KEYS.length] ?? 'x-cos-meta-extra';
    const value = key.endsWith('trace-id')
      ? rng.hex(32)
      : key.endsWith('uid')
        ? String(rng.int(100000, 99999999))
        : rng.hex(rng.int(6, 20));
    out +=
      format === 'xml'
        ? `<CosHeaders><Key>${key}</Key><Value>${value}</Value></CosHeaders>`
        : `,{"Key":"${key}","Value":"${value}"}`;
  }
  return out;
}

function extraFrames(from: number, count: number, format: PayloadFormat): string {
  let out = '';
  for (let i = from; i < from + count; i++)
    out += format === 'xml' ? `<ObjectName>${i}.jpg</ObjectName>` : `,"${i}.jpg"`;
  return out;
}

function timeText(slot: Slot, template: Template, epochMs: number | undefined): string {
  if (epochMs === undefined) return '-';
  return formatTime(epochMs, styleOf(slot.original) ?? template.timeStyle);
}

/** The new (unescaped) value of a value slot; undefined keeps the fixture's text. */
function valueOf(slot: Slot, template: Template, plan: CallbackPlan): string | undefined {
  if (slot.field === 'InputKey') return plan.inputKey;
  if (slot.scope === 'workflow') {
    if (slot.field === 'State') return plan.workflowState;
    if (slot.field === 'CreateTime') return timeText(slot, template, plan.workflowCreated);
    if (slot.field === 'RunId') return plan.runId;
    return undefined;
  }
  if (slot.scope === 'task') {
    const task = plan.tasks[slot.group];
    if (!task) return undefined;
    if (slot.original === '') return undefined; // an empty EndTime stays empty
    if (slot.field === 'JobId') return task.id;
    if (slot.field === 'State') return task.state;
    if (slot.field === 'CreateTime') return timeText(slot, template, task.created);
    if (slot.field === 'StartTime') return timeText(slot, template, task.started);
    if (slot.field === 'EndTime') return timeText(slot, template, task.ended);
    return undefined;
  }
  const job = plan.jobs[slot.group];
  if (!job) return undefined;
  switch (slot.field) {
    case 'JobId':
      return job.id;
    case 'State':
      return job.state;
    case 'Code':
      return job.code ?? 'Success';
    case 'Message':
      return job.message;
    case 'CreationTime':
      return timeText(slot, template, job.created);
    case 'StartTime':
      return timeText(slot, template, job.started);
    case 'EndTime':
      return timeText(slot, template, job.ended);
    case 'UserData':
      return job.userData;
    case 'RunId':
      return plan.runId;
    default:
      return undefined;
  }
}

function fill(template: Template, plan: CallbackPlan, rng: Random): string {
  const { parts, slots, format } = template;
  let out = parts[0] ?? '';
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as Slot;
    if (slot.kind === 'value') {
      const value = valueOf(slot, template, plan);
      if (value === undefined) out += slot.raw;
      else if (format === 'xml') out += escapeXml(value);
      // The input key may sit inside a longer string (a Location): without quotes.
      else out += slot.field === 'InputKey' ? JSON.stringify(value).slice(1, -1) : JSON.stringify(value);
    } else if (slot.kind === 'member') {
      const message = plan.jobs[slot.group]?.message;
      if (message === undefined) out += slot.raw;
      else
        out +=
          format === 'xml'
            ? `<Message>${escapeXml(message)}</Message>`
            : `"Message":${JSON.stringify(message)},`;
    } else if (slot.field === 'CosHeaders') {
      const count =
        slot.scope === 'workflow' ? plan.workflowHeaders : (plan.jobs[slot.group]?.extraHeaders ?? 0);
      out += extraHeaders(rng, count, format);
    } else {
      out += extraFrames(template.frameCount, plan.jobs[slot.group]?.extraFrames ?? 0, format);
    }
    out += parts[i + 1] ?? '';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The log

export interface GenerateOptions {
  /** Callbacks (payload lines); noise lines come on top. Default 10,000. */
  readonly count?: number;
  /** PRNG seed. Default 1. */
  readonly seed?: number;
  /** Share of XML payloads; the rest are JSON Lines. Default 0.5. */
  readonly xmlShare?: number;
  /** Share of payload lines behind a log prefix. Default 1/3. */
  readonly prefixShare?: number;
  /** Chance of a line without payload before each callback. Default 0.01. */
  readonly noiseShare?: number;
  /**
   * Triage data (issue 15): some callbacks delivered again (the same line, later; the first of them five times in
   * all), and some JobIds delivered again with another content (a retry: a later EndTime). Drawn from a PRNG of
   * its own, so the rest of the log is the one the same seed gives without it. Default false.
   */
  readonly redeliveries?: boolean;
}

/** What a generated callback says, as the triage overview counts it (`triageTruth`). */
export interface CallbackTruth {
  readonly kind: 'jobs' | 'workflow';
  readonly jobs: readonly {
    readonly id?: string;
    readonly state: string;
    readonly code?: string;
    readonly runId?: string;
  }[];
  /** A workflow's RunId. */
  readonly runId?: string;
  readonly taskJobIds: readonly string[];
}

export type GeneratedLine =
  | {
      readonly kind: 'callback';
      readonly format: PayloadFormat;
      /** `2022-07-18 15:16:44.120 INFO  [ci-callback] body=`, or '' for a bare payload line. */
      readonly prefix: string;
      readonly payload: string;
      /** The fixture the callback was drawn from. */
      readonly source: string;
      /** The document's expected state (a job's State, or `Failed` if any job failed; a workflow's State). */
      readonly state: string;
      readonly truth: CallbackTruth;
    }
  | { readonly kind: 'noise'; readonly text: string };

const NOISE = [
  'WARN  [ci-callback] unrelated line without a payload',
  'INFO  [ci-callback] health check ok',
  'WARN  [ci-callback] slow downstream: took 1203 ms to acknowledge',
  'INFO  [http] 200 POST /ci/callback',
  'ERROR [ci-callback] retrying delivery to the business queue (attempt 2)',
];

/** 2022-07-18 00:00:00 at +08:00: the log's clock starts there. */
const LOG_START = Date.UTC(2022, 6, 17, 16, 0, 0);

function documentState(template: Template, plan: CallbackPlan): string {
  if (template.kind === 'workflow') {
    const slot = template.slots.find((s) => s.scope === 'workflow' && s.field === 'State');
    return plan.workflowState ?? slot?.original ?? 'Unknown';
  }
  const states = plan.jobs.map((j) => j.state);
  if (states.includes('Failed')) return 'Failed';
  return states.find((s) => s !== 'Success') ?? 'Success';
}

function truthOf(template: Template, plan: CallbackPlan): CallbackTruth {
  const slot = (field: SlotField, scope: Scope, group: number) =>
    template.slots.find(
      (s) => s.kind === 'value' && s.field === field && s.scope === scope && s.group === group,
    );
  const taskJobIds = plan.tasks.flatMap((t, i) => {
    const idSlot = slot('JobId', 'task', i);
    return idSlot && idSlot.original !== '' && t.id ? [t.id] : [];
  });
  if (template.kind === 'workflow') {
    return {
      kind: 'workflow',
      jobs: [],
      ...(slot('RunId', 'workflow', 0) && plan.runId ? { runId: plan.runId } : {}),
      taskJobIds,
    };
  }
  return {
    kind: 'jobs',
    jobs: plan.jobs.map((j, g) => ({
      ...(slot('JobId', 'job', g) && j.id ? { id: j.id } : {}),
      state: j.state,
      ...(slot('Code', 'job', g) ? { code: j.code ?? 'Success' } : {}),
      ...(slot('RunId', 'job', g) && plan.runId ? { runId: plan.runId } : {}),
    })),
    taskJobIds,
  };
}

/** The log as lines, in arrival order (sorted by the receiver's clock). Deterministic for a seed. */
export function generateCallbackLines(options: GenerateOptions = {}): GeneratedLine[] {
  const { count = 10_000, seed = 1, xmlShare = 0.5, prefixShare = 1 / 3, noiseShare = 0.01 } = options;
  const rng = new Random(seed);
  const again = new Random(seed + 7919);
  let redelivered = 0;
  const all = templates();
  const byFormat = {
    xml: all.filter((t) => t.format === 'xml'),
    json: all.filter((t) => t.format === 'json'),
  };
  const totalWeight = {
    xml: sum(byFormat.xml.map((t) => t.weight)),
    json: sum(byFormat.json.map((t) => t.weight)),
  };
  const entries: { at: number; order: number; line: GeneratedLine }[] = [];
  let clock = LOG_START;
  for (let i = 0; i < count; i++) {
    clock += rng.int(0, 17_000);
    if (rng.chance(noiseShare)) {
      const at = clock - rng.int(1, 500);
      entries.push({
        at,
        order: entries.length,
        line: { kind: 'noise', text: `${logTimestamp(at)} ${rng.pick(NOISE)}` },
      });
    }
    const format: PayloadFormat = rng.chance(xmlShare) ? 'xml' : 'json';
    const candidates = byFormat[format];
    let r = rng.float() * totalWeight[format];
    let template = candidates[candidates.length - 1] as Template;
    for (const t of candidates) {
      r -= t.weight;
      if (r < 0) {
        template = t;
        break;
      }
    }
    const plan = planCallback(rng, template, clock);
    const payload = fill(template, plan, rng);
    const state = documentState(template, plan);
    const level = state === 'Failed' ? 'WARN ' : 'INFO ';
    const prefix = rng.chance(prefixShare)
      ? `${logTimestamp(plan.arrived)} ${level} [ci-callback] body=`
      : '';
    const truth = truthOf(template, plan);
    const line: GeneratedLine = {
      kind: 'callback',
      format,
      prefix,
      payload,
      source: template.source,
      state,
      truth,
    };
    entries.push({ at: plan.arrived, order: entries.length, line });
    if (!options.redeliveries || truth.jobs[0]?.id === undefined) continue;
    // The same callback again (the first one four times more: ×5), later.
    if (again.chance(0.03)) {
      const times = redelivered++ === 0 ? 4 : again.int(1, 3);
      for (let k = 1; k <= times; k++)
        entries.push({ at: plan.arrived + k * 60_000, order: entries.length, line });
    }
    // The JobId again with another content: a later EndTime (as a retry's callback would say).
    const first = plan.jobs[0];
    if (first?.ended !== undefined && again.chance(0.01)) {
      const retried: CallbackPlan = {
        ...plan,
        jobs: [{ ...first, ended: first.ended + 1000 }, ...plan.jobs.slice(1)],
      };
      entries.push({
        at: plan.arrived + 120_000,
        order: entries.length,
        line: { ...line, payload: fill(template, retried, again), prefix: '' },
      });
    }
  }
  entries.sort((a, b) => a.at - b.at || a.order - b.order);
  return entries.map((e) => e.line);
}

/** What the triage overview must count for a generated log: the generator's truth, from its plans (not parsed). */
export interface TriageTruth {
  readonly callbacks: number;
  readonly byState: Record<string, number>;
  readonly distinctJobs: number;
  readonly workflowRuns: number;
  readonly runsWithoutFinish: number;
  /** Per Code: callbacks holding a failed job with it, and distinct failed jobs. */
  readonly failuresByCode: Record<string, { readonly callbacks: number; readonly jobs: number }>;
  readonly duplicates: {
    readonly jobIds: number;
    readonly extraCallbacks: number;
    readonly differing: number;
  };
  /** A JobId delivered five times, the same callback each time. */
  readonly fiveTimes?: string;
}

export function triageTruth(lines: readonly GeneratedLine[]): TriageTruth {
  const byState: Record<string, number> = {};
  const jobKeys = new Set<string>();
  const runs = new Set<string>();
  const finished = new Set<string>();
  const failures = new Map<string, { callbacks: number; jobs: Set<string> }>();
  const byJobId = new Map<string, { callbacks: number; payloads: Set<string> }>();
  let callbacks = 0;
  for (const line of lines) {
    if (line.kind !== 'callback') continue;
    const { truth } = line;
    const doc = callbacks++;
    byState[line.state] = (byState[line.state] ?? 0) + 1;
    if (truth.kind === 'workflow' && truth.runId) {
      runs.add(truth.runId);
      finished.add(truth.runId);
    }
    const codes = new Set<string>();
    const ids = new Set<string>();
    truth.jobs.forEach((job, g) => {
      const key = job.id ?? `#${doc}:${g}`;
      jobKeys.add(key);
      if (job.runId) runs.add(job.runId);
      if (job.id) ids.add(job.id);
      const failed = job.state === 'Failed' || (job.code !== undefined && job.code !== 'Success');
      if (!failed) return;
      const code = job.code ?? '';
      let f = failures.get(code);
      if (!f) failures.set(code, (f = { callbacks: 0, jobs: new Set() }));
      f.jobs.add(key);
      codes.add(code);
    });
    for (const code of codes) (failures.get(code) as { callbacks: number }).callbacks++;
    for (const id of ids) {
      let d = byJobId.get(id);
      if (!d) byJobId.set(id, (d = { callbacks: 0, payloads: new Set() }));
      d.callbacks++;
      d.payloads.add(line.payload);
    }
  }
  let jobIds = 0;
  let extraCallbacks = 0;
  let differing = 0;
  let fiveTimes: string | undefined;
  for (const [id, d] of byJobId) {
    if (d.callbacks < 2) continue;
    jobIds++;
    extraCallbacks += d.callbacks - 1;
    if (d.payloads.size > 1) differing++;
    if (d.callbacks === 5 && d.payloads.size === 1) fiveTimes ??= id;
  }
  return {
    callbacks,
    byState,
    distinctJobs: jobKeys.size,
    workflowRuns: runs.size,
    runsWithoutFinish: [...runs].filter((r) => !finished.has(r)).length,
    failuresByCode: Object.fromEntries(
      [...failures].map(([code, f]) => [code, { callbacks: f.callbacks, jobs: f.jobs.size }]),
    ),
    duplicates: { jobIds, extraCallbacks, differing },
    ...(fiveTimes !== undefined ? { fiveTimes } : {}),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function renderLine(line: GeneratedLine): string {
  return line.kind === 'noise' ? line.text : line.prefix + line.payload;
}

/** The log text: one line per callback or noise line, `\n`-separated, ending with a newline. */
export function generateCallbackLog(options: GenerateOptions = {}): string {
  return generateCallbackLines(options).map(renderLine).join('\n') + '\n';
}

export interface LogPayload {
  readonly format: PayloadFormat;
  readonly text: string;
}

/**
 * The payloads of a generated log, by line: a bare payload line, or the text after ` body=` of a prefixed one;
 * lines without a payload are left out. Relies on the generator's own format, not a general log splitter.
 */
export function payloadsOfGeneratedLog(log: string): LogPayload[] {
  const out: LogPayload[] = [];
  for (const line of log.split('\n')) {
    let text = line;
    if (!(line.startsWith('<') || line.startsWith('{'))) {
      const at = line.indexOf(' body=');
      if (at === -1) continue;
      text = line.slice(at + ' body='.length);
    }
    out.push({ format: text.startsWith('<') ? 'xml' : 'json', text });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// CLI

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

function main(args: readonly string[]): void {
  const count = Number(argValue(args, '--count') ?? 10_000);
  const seed = Number(argValue(args, '--seed') ?? 1);
  const xmlShare = Number(argValue(args, '--xml-share') ?? 0.5);
  const redeliveries = args.includes('--redeliveries');
  const truthOut = argValue(args, '--truth');
  const out = argValue(args, '--out') ?? `bench/out/callbacks-${count}.log`;
  if (!Number.isInteger(count) || count < 0 || !Number.isFinite(seed) || !(xmlShare >= 0 && xmlShare <= 1)) {
    console.error(
      'usage: generate-log.ts [--count N] [--seed S] [--xml-share 0..1] [--out FILE] [--redeliveries] [--truth FILE]',
    );
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const lines = generateCallbackLines({ count, seed, xmlShare, redeliveries });
  if (truthOut !== undefined) {
    mkdirSync(dirname(resolve(truthOut)), { recursive: true });
    writeFileSync(resolve(truthOut), `${JSON.stringify(triageTruth(lines), null, 2)}\n`);
  }
  const log = lines.map(renderLine).join('\n') + '\n';
  const path = resolve(out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, log);
  const callbacks = lines.filter((l) => l.kind === 'callback');
  const xml = callbacks.filter((l) => l.kind === 'callback' && l.format === 'xml').length;
  const prefixed = callbacks.filter((l) => l.kind === 'callback' && l.prefix !== '').length;
  const failed = callbacks.filter((l) => l.kind === 'callback' && l.state === 'Failed').length;
  const bytes = Buffer.byteLength(log);
  console.log(
    `${path}: ${callbacks.length} callbacks (${xml} XML, ${callbacks.length - xml} JSON; ${prefixed} prefixed; ` +
      `${failed} Failed) + ${lines.length - callbacks.length} noise lines, ` +
      `${bytes.toLocaleString('en')} bytes (${(bytes / 1e6).toFixed(1)} MB), ` +
      `seed ${seed}, ${Math.round(performance.now() - started)} ms`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
