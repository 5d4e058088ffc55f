/**
 * The overview's figures over many numbers: nearest-rank percentiles, a run-time histogram with round bins, and
 * the first few of a set by a key (the slowest jobs) without sorting the whole set. They take typed arrays as well
 * as plain ones: the overview keeps a number per distinct job, not an object.
 */
import type { HistogramBin, Percentiles } from './overview-types';

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** p50, p95 and the max of the values (sorted in place: a typed array sorts by number, without a comparator). */
export function percentiles(values: Float64Array): Percentiles {
  const sorted = values.sort();
  const count = sorted.length;
  if (count === 0) return { count };
  return {
    count,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[count - 1] as number,
  };
}

const SECOND = 1000;
/** Bin widths a person reads at a glance: 1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30 min; 1, 2, 3, 6, 12 h; days. */
const ROUND_WIDTHS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
].map((s) => s * SECOND);

/** The smallest round width that covers `max` in at most `bins` bins (whole seconds: CI times are). */
export function roundBinWidth(max: number, bins: number): number {
  for (const w of ROUND_WIDTHS) if (max < w * bins) return w;
  const day = 86_400 * SECOND;
  return Math.ceil(max / bins / day) * day;
}

/**
 * Bins of one round width (1 s, 5 s, 1 min, …) from 0 past the longest run time, at most `bins` of them; edges
 * fall on whole seconds. Negative durations are anomalies, not binned.
 */
export function histogram(values: ArrayLike<number>, bins = 20): HistogramBin[] {
  let max = -1;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > max) max = values[i] as number;
  if (max < 0) return [];
  const width = roundBinWidth(max, bins);
  const counts = new Array<number>(Math.floor(max / width) + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v >= 0) counts[Math.floor(v / width)]! += 1;
  }
  return counts.map((count, i) => ({ fromMs: i * width, toMs: (i + 1) * width, count }));
}

/**
 * The `k` items of `0 … n-1` that come first by `before` (a strict order), in that order: one pass keeping the best
 * `k` in a sorted array, so the slowest ten of 100,000 jobs cost a pass, not a sort.
 */
export function firstK(n: number, k: number, before: (a: number, b: number) => boolean): number[] {
  const best: number[] = [];
  if (k <= 0) return best;
  for (let item = 0; item < n; item++) {
    if (best.length === k && !before(item, best[k - 1] as number)) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && before(item, best[at - 1] as number)) {
      best[at] = best[at - 1] as number;
      at--;
    }
    best[at] = item;
    if (best.length > k) best.length = k;
  }
  return best;
}
