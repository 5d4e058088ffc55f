/**
 * The combined timeline's axis and names, pure: round tick steps on whole seconds (CI times are whole seconds, so
 * never a `.250` tick), placed and labelled by the app's one time rule (`format-time.ts`: the set's own offset by
 * default, local time or UTC by the Times setting), with the date on the first tick and wherever the day changes
 * when the range spans days.
 */
import { displayOffsetMinutes, formatTime, type TimeZoneMode } from './format-time';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Round steps a clock reads easily: 1/2/5/10/15/30 s, 1/2/5/10/15/30 min, 1/2/3/6/12 h, 1/2/7/14/30/… days. */
const STEPS: readonly number[] = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  91 * DAY,
  182 * DAY,
  365 * DAY,
];

/** The smallest round step that gives at most `maxTicks` ticks over `spanMs` (one second at least). */
export function niceTimeStep(spanMs: number, maxTicks: number): number {
  const span = Number.isFinite(spanMs) && spanMs > 0 ? spanMs : SECOND;
  const wanted = span / Math.max(1, Math.floor(maxTicks));
  for (const step of STEPS) if (step >= wanted) return step;
  const years = Math.ceil(wanted / (365 * DAY));
  return years * 365 * DAY;
}

export interface AxisTick {
  readonly ms: number;
  /** `15:16:40`, `15:20`, or with the date: `2022-07-18 15:20`; `2022-07-18` for steps of a day or more. */
  readonly label: string;
  /** The label carries a date (the first tick, or the day changed since the previous tick). */
  readonly hasDate: boolean;
}

export interface TimeAxis {
  readonly step: number;
  readonly ticks: readonly AxisTick[];
  /** The offset the ticks are shown in (`+08:00`, `UTC`…), for the axis caption. */
  readonly zone: string;
  /** The range spans more than one day in that offset. */
  readonly spansDays: boolean;
}

/** `2022-07-18 15:16:44 +08:00` → its parts. */
function parts(text: string): { date: string; hms: string; offset: string } {
  const [date = '', hms = '', offset = ''] = text.split(' ');
  return { date, hms, offset };
}

/**
 * Ticks over [startMs, endMs] at a round step, aligned on the clock of the display offset (a 15 min step falls on
 * :00, :15…; a day step on midnight there). `setOffsetMinutes` is the loaded set's source offset (`source` mode).
 */
export function timeAxis(
  startMs: number,
  endMs: number,
  setOffsetMinutes: number | undefined,
  mode: TimeZoneMode,
  maxTicks: number,
): TimeAxis {
  const from = Math.min(startMs, endMs);
  const to = Math.max(startMs, endMs);
  const step = niceTimeStep(to - from, maxTicks);
  const offsetMs = displayOffsetMinutes(from, setOffsetMinutes, mode) * MINUTE;
  const first = Math.ceil((from + offsetMs) / step) * step - offsetMs;
  const startText = formatTime(from, setOffsetMinutes, mode) ?? '';
  const endText = formatTime(to, setOffsetMinutes, mode) ?? '';
  const spansDays = parts(startText).date !== parts(endText).date;
  const ticks: AxisTick[] = [];
  let previousDate = '';
  for (let ms = first, i = 0; ms <= to && i < 1000; ms += step, i++) {
    const { date, hms } = parts(formatTime(ms, setOffsetMinutes, mode) ?? '');
    const clock = step < MINUTE ? hms : hms.slice(0, 5);
    const hasDate = (spansDays || step >= DAY) && date !== previousDate;
    const label = step >= DAY ? date : hasDate ? `${date} ${clock}` : clock;
    ticks.push({ ms, label, hasDate });
    previousDate = date;
  }
  const offset = parts(startText).offset;
  return { step, ticks, zone: mode === 'utc' ? 'UTC' : offset, spansDays };
}

/**
 * A name per row that tells repeated JobIds apart: a JobId seen once stays as it is; one seen n times reads
 * `JobId ×n #k` for its k-th row. Rows without an id get `fallback(i)`.
 */
export function uniqueRowNames(
  ids: readonly (string | undefined)[],
  fallback: (index: number) => string,
): string[] {
  const total = new Map<string, number>();
  for (const id of ids) if (id !== undefined) total.set(id, (total.get(id) ?? 0) + 1);
  const seen = new Map<string, number>();
  return ids.map((id, i) => {
    if (id === undefined) return fallback(i);
    const n = total.get(id) ?? 1;
    if (n === 1) return id;
    const k = (seen.get(id) ?? 0) + 1;
    seen.set(id, k);
    return `${id} ×${n} #${k}`;
  });
}

/**
 * A row name cut to `max` characters for the label column, keeping a repeat's ` ×n #k` whole: the id is what
 * is shortened (`c9398478806…×2 #1`).
 */
export function shortRowName(name: string, max: number): string {
  if (name.length <= max) return name;
  const repeat = / ×\d+ #\d+$/.exec(name)?.[0] ?? '';
  const id = name.slice(0, name.length - repeat.length);
  const suffix = repeat.trimStart();
  const room = Math.max(1, max - suffix.length - 1);
  return `${id.slice(0, room)}…${suffix}`;
}
