import { formatInOffset, formatLocal, formatTime } from '../../../domain/derive/format-time';
import { toTimePoint, type TimePoint } from '../../../domain/derive/timeline';
import type { TimeValue } from '../../../domain/model';
import { CHINA_STANDARD_OFFSET } from '../../../domain/normalize/values';
import { useT } from '../../../i18n/use-i18n';
import { useTimeZoneMode } from '../../../components/ui/use-time-format';

export interface SourceTimeProps {
  /** A time point from derive/timeline, or a model time. */
  readonly value: TimePoint | TimeValue | undefined;
  /** What to say when the payload has no value ("Not started", "Not finished"). */
  readonly missing?: string;
  /** One line (for tables) instead of the time over its other reading. */
  readonly compact?: boolean;
}

/**
 * A time by the page's display rule (`2022-07-18 15:16:44 +08:00`, in the callback's offset unless the setting
 * says local or UTC), with its other reading beneath: the viewer's local time, or the callback's own offset when
 * the setting shows another. A missing or `-` time is said in words, never shown as a 1970 date.
 */
export function SourceTime({ value, missing, compact = false }: SourceTimeProps) {
  const t = useT();
  const mode = useTimeZoneMode();
  const point: TimePoint =
    value === undefined ? { status: 'missing' } : 'status' in value ? value : toTimePoint(value);
  if (point.status === 'missing' || point.epochMs === undefined) {
    if (point.status === 'invalid') {
      return (
        <span className="pn-time">
          <span className="ui-mono">{point.text}</span>{' '}
          <span className="pn-warn-text">{t('ui.time.invalid')}</span>
        </span>
      );
    }
    return <span className="pn-time-missing">{missing ?? t('timeline.noTime')}</span>;
  }
  const offset = point.offsetMinutes ?? CHINA_STANDARD_OFFSET;
  const shown = formatTime(point.epochMs, offset, mode);
  const other =
    mode === 'source'
      ? { label: t('timeline.localTime'), text: formatLocal(point.epochMs) }
      : { label: t('time.zone.source'), text: formatInOffset(point.epochMs, offset) };
  return (
    <span className={compact ? 'pn-time pn-time-compact' : 'pn-time'}>
      <time
        className="ui-mono pn-time-source"
        dateTime={new Date(point.epochMs).toISOString()}
        title={point.text}
      >
        {shown}
      </time>
      {point.offsetMinutes === undefined ? (
        <span className="pn-warn-text"> {t('ui.time.assumedOffset')}</span>
      ) : null}
      <span className="pn-time-local">
        <span className="ui-muted">{other.label}</span> <span className="ui-num">{other.text}</span>
      </span>
    </span>
  );
}
