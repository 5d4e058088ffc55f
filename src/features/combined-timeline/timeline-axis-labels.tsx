import type { TimeAxis } from '../../domain/derive/timeline-axis';
import type { TimelineViewport } from '../../domain/derive/timeline-layout';
import './combined-timeline.css';

export interface TimelineAxisLabelsProps {
  readonly axis: TimeAxis;
  /** The plot's left edge and width in CSS pixels (the label column is left of it). */
  readonly left: number;
  readonly plot: number;
  readonly view: TimelineViewport;
}

/**
 * The axis labels as text over the canvas (the canvas draws the tick lines): readable by tests and assistive
 * technology, and by the app's time rule. Labels with a date are emphasised.
 */
export function TimelineAxisLabels({ axis, left, plot, view }: TimelineAxisLabelsProps) {
  const span = Math.max(1, view.endMs - view.startMs);
  return (
    <div
      className="timeline-axis"
      data-testid="combined-timeline-axis"
      data-step-ms={axis.step}
      data-spans-days={axis.spansDays}
      style={{ left, width: plot }}
    >
      {axis.ticks.map((tick) => (
        <span
          key={tick.ms}
          className="timeline-tick"
          data-has-date={tick.hasDate}
          style={{ left: ((tick.ms - view.startMs) / span) * plot }}
        >
          {tick.label}
        </span>
      ))}
    </div>
  );
}
