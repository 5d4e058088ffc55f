import { formatInOffset } from '../../../domain/derive/format-time';
import { toTimePoint, type TimePoint } from '../../../domain/derive/timeline';
import type { TimeValue } from '../../../domain/model';
import { CHINA_STANDARD_OFFSET } from '../../../domain/normalize/values';
import { useLang, useT } from '../../../i18n/use-i18n';
import { formatLocalTime } from './local-time-format';

export interface SourceTimeProps {
  /** A time point from derive/timeline, or a model time. */
  readonly value: TimePoint | TimeValue | undefined;
  /** What to say when the payload has no value ("Not started", "Not finished"). */
  readonly missing?: string;
  /** One line (for tables) instead of source time over local time. */
  readonly compact?: boolean;
}

/**
 * A time as the payload gives it — in its own UTC offset, formatted by arithmetic on the offset — and in the
 * viewer's local time. A missing or `-` time is said in words, never shown as a 1970 date.
 */
export function SourceTime({ value, missing, compact = false }: SourceTimeProps) {
  const t = useT();
  const [lang] = useLang();
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
  const source = formatInOffset(point.epochMs, offset);
  const local = formatLocalTime(point.epochMs, lang);
  return (
    <span className={compact ? 'pn-time pn-time-compact' : 'pn-time'}>
      <time
        className="ui-mono pn-time-source"
        dateTime={new Date(point.epochMs).toISOString()}
        title={point.text}
      >
        {source}
      </time>
      {point.offsetMinutes === undefined ? (
        <span className="pn-warn-text"> {t('ui.time.assumedOffset')}</span>
      ) : null}
      <span className="pn-time-local">
        <span className="ui-muted">{t('timeline.localTime')}</span> <span className="ui-num">{local}</span>
      </span>
    </span>
  );
}
