import { useCallback, useId, useMemo, useState } from 'react';
import { buildCombinedTimeline } from '../../domain/derive/combined-timeline';
import { formatDuration, formatTime } from '../../domain/derive/format-time';
import { useT } from '../../i18n/use-i18n';
import { useFormatInstant, useTimeZoneMode } from '../../components/ui/use-time-format';
import { useAppStore } from '../../store/app-store';
import { memoizeLast } from '../../store/memoize';
import { selectDocumentAt } from '../../store/select-at';
import { selectAllDocuments, selectSelectedEntry } from '../../store/selectors';
import { TimelineCanvas } from './timeline-canvas';
import { toTimelineRows } from './timeline-rows';
import './combined-timeline.css';

const rowsOf = memoizeLast((documents: Parameters<typeof buildCombinedTimeline>[0]) =>
  toTimelineRows(buildCombinedTimeline(documents)),
);

/** Every loaded job on one time scale, with a text summary and the focused job described in words. */
export function CombinedTimelineView() {
  const t = useT();
  const id = useId();
  const documents = useAppStore(selectAllDocuments);
  const rows = rowsOf(documents);
  // An entry's load order is its place in the whole set (`selectEntries`), the documents' numbering here.
  const selectedIndex = useAppStore((s) => selectSelectedEntry(s)?.loadOrder ?? -1);
  const selectedRow = useMemo(() => {
    if (selectedIndex < 0) return -1;
    for (let i = 0; i < rows.count; i++) if (rows.documentIndex[i] === selectedIndex) return i;
    return -1;
  }, [rows, selectedIndex]);
  const [focused, setFocused] = useState(-1);
  const [resetToken, setResetToken] = useState(0);
  const focusedRow = focused >= 0 && focused < rows.count ? focused : selectedRow;
  const selectRow = useCallback(
    (row: number) => {
      const index = rows.documentIndex[row];
      setFocused(row);
      if (index !== undefined) selectDocumentAt(index, 'timeline');
    },
    [rows],
  );
  const formatInstant = useFormatInstant();
  const mode = useTimeZoneMode();
  const [zone, setZone] = useState('');
  const none = t('common.none');
  const num = (a: Float64Array, row: number) => a[row] ?? Number.NaN;
  const offsetOf = (a: Float64Array, row: number) => {
    const v = num(a, row);
    return Number.isNaN(v) ? undefined : v;
  };
  const jobName = (row: number) => {
    const tag = rows.tags[row];
    const name = rows.labels[row] ?? '';
    return tag === undefined ? name : `${tag} · ${name}`;
  };
  const stateOf = (row: number) =>
    rows.states[row] ?? documents[rows.documentIndex[row] ?? -1]?.state ?? none;
  const describe = (row: number) => {
    const c = num(rows.created, row);
    const s = num(rows.started, row);
    const e = num(rows.ended, row);
    return t('combined.focused', {
      job: jobName(row),
      state: stateOf(row),
      queue: formatDuration(s - c) ?? none,
      run: formatDuration(e - (Number.isNaN(s) ? c : s)) ?? none,
    });
  };
  /** The hover card: the job, its state and durations, and its times by the display rule. */
  const describeRow = (row: number) => {
    const time = (a: Float64Array, offsets: Float64Array) =>
      formatTime(num(a, row), offsetOf(offsets, row), mode) ?? none;
    return (
      <>
        <span className="timeline-hover-line">{describe(row)}</span>
        <span className="timeline-hover-line">
          {t('combined.hover.times', {
            created: time(rows.created, rows.createdOffset),
            started: time(rows.started, rows.startedOffset),
            ended: time(rows.ended, rows.endedOffset),
          })}
        </span>
      </>
    );
  };
  return (
    <section className="combined-timeline" data-testid="combined-timeline" aria-labelledby={`${id}-title`}>
      <div className="combined-head">
        <h2 id={`${id}-title`} className="combined-title">
          {t('combined.title')}
        </h2>
        <button type="button" className="button button-small" onClick={() => setResetToken((n) => n + 1)}>
          {t('combined.reset')}
        </button>
      </div>
      {rows.count === 0 || rows.minMs === 0 ? (
        <p>{t('combined.none')}</p>
      ) : (
        <>
          <p id={`${id}-summary`} className="combined-summary" data-testid="combined-timeline-summary">
            {t('combined.summary', {
              count: rows.count,
              start: formatInstant(rows.minMs, rows.offsetMinutes) ?? none,
              end: formatInstant(rows.maxMs, rows.offsetMinutes) ?? none,
            })}{' '}
            <span id={`${id}-help`}>{t('combined.help')}</span>
          </p>
          <ul className="combined-legend">
            <li>
              <span className="legend-swatch legend-queue" aria-hidden="true" />
              {t('combined.legend.queue')}
            </li>
            <li>
              <span className="legend-swatch legend-run" aria-hidden="true" />
              {t('combined.legend.run')}
            </li>
            <li>
              <span className="legend-swatch legend-failed" aria-hidden="true" />
              {t('combined.legend.failed')}
            </li>
            {zone !== '' && <li data-testid="combined-timeline-zone">{t('combined.zone', { zone })}</li>}
          </ul>
          <TimelineCanvas
            rows={rows}
            label={t('combined.title')}
            describedBy={`${id}-summary`}
            focused={focusedRow}
            selected={selectedRow}
            resetToken={resetToken}
            mode={mode}
            onFocusRow={setFocused}
            onSelectRow={selectRow}
            describeRow={describeRow}
            onZone={setZone}
          />
          <p className="combined-focused" aria-live="polite" data-testid="combined-timeline-focused">
            {focusedRow >= 0 ? describe(focusedRow) : ''}
          </p>
        </>
      )}
    </section>
  );
}
