import type { TimelineSegment } from '../../../domain/derive/timeline';

export interface TimelineBarProps {
  readonly segments: readonly TimelineSegment[];
  /** Visible names of the segment kinds, also used for the accessible description. */
  readonly labels: Readonly<Record<TimelineSegment['kind'], string>>;
  /** Text for each kind's duration, when known. */
  readonly durations: Partial<Readonly<Record<TimelineSegment['kind'], string>>>;
  /** Shown inside an empty track (nothing can be drawn). */
  readonly emptyText: string;
}

/**
 * CreationTime → StartTime → EndTime to scale: the queue wait hatched, the run solid, each also named in the
 * legend, so the two are told apart without colour.
 */
export function TimelineBar({ segments, labels, durations, emptyText }: TimelineBarProps) {
  const description = segments.map((s) => `${labels[s.kind]} ${durations[s.kind] ?? ''}`.trim()).join(', ');
  return (
    <div className="pn-tl">
      <div className="pn-tl-track" role="img" aria-label={description || emptyText}>
        {segments.length === 0 ? <span className="pn-tl-empty">{emptyText}</span> : null}
        {segments.map((s) => (
          <span
            key={s.kind}
            className={`pn-tl-seg pn-tl-${s.kind}`}
            style={{
              left: `min(${(s.start * 100).toFixed(3)}%, 100% - 3px)`,
              width: `${(s.width * 100).toFixed(3)}%`,
            }}
          />
        ))}
      </div>
      {segments.length > 0 ? (
        <ul className="pn-tl-legend">
          {segments.map((s) => (
            <li key={s.kind}>
              <span className={`pn-tl-swatch pn-tl-${s.kind}`} aria-hidden="true" />
              <span>{labels[s.kind]}</span> <strong className="ui-num">{durations[s.kind] ?? '—'}</strong>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
