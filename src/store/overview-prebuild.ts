/**
 * Builds the overview's tallies while the page is idle once a load has settled, a few milliseconds at a time, so
 * opening the overview of 100,000 callbacks costs only making its figures (its tallies took over a second).
 * Nothing is done while a text is still being parsed: the load has the main thread.
 */
import { useAppStore } from './app-store';
import { selectEntries, selectIsParsing } from './selectors';
import { advanceOverview } from './overview-select';

/** Idle time used per slice at most (the browser gives up to 50 ms). */
const SLICE_MS = 8;

type Idle = (run: (deadline?: IdleDeadline) => void) => unknown;

export function startOverviewPrebuild(): () => void {
  const whenIdle: Idle =
    typeof requestIdleCallback === 'function'
      ? (run) => requestIdleCallback(run, { timeout: 2000 })
      : (run) => setTimeout(run, 50);
  let pending = false;
  const step = (deadline?: IdleDeadline) => {
    pending = false;
    const state = useAppStore.getState();
    if (selectIsParsing(state)) return;
    const entries = selectEntries(state);
    const start = performance.now();
    const more = () =>
      performance.now() - start < Math.min(SLICE_MS, deadline ? deadline.timeRemaining() : SLICE_MS);
    if (!advanceOverview(entries, more)) schedule();
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    whenIdle(step);
  };
  schedule();
  return useAppStore.subscribe((now, before) => {
    if (now.sources !== before.sources || now.draft !== before.draft) schedule();
  });
}
