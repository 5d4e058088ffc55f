import { useCallback, useId, useMemo, useState } from 'react';
import { buildCombinedTimeline } from '../../domain/derive/combined-timeline';
import { formatDuration } from '../../domain/derive/format-time';
import { useT } from '../../i18n/use-i18n';
import { useFormatInstant } from '../../components/ui/use-time-format';
import { useAppStore } from '../../store/app-store';
import { memoizeLast } from '../../store/memoize';
import { selectDocumentAt } from '../../store/select-at';
import { selectAllDocuments, selectEntries } from '../../store/selectors';
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
  const selectedIndex = useAppStore((s) => selectEntries(s).findIndex((e) => e.key === s.selectedKey));
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
  const none = t('common.none');
  const describe = (row: number) => {
    const c = rows.created[row] ?? Number.NaN;
    const s = rows.started[row] ?? Number.NaN;
    const e = rows.ended[row] ?? Number.NaN;
    return t('combined.focused', {
      id: rows.labels[row] ?? '',
      state: documents[rows.documentIndex[row] ?? -1]?.state ?? none,
      queue: formatDuration(s - c) ?? none,
      run: formatDuration(e - s) ?? none,
    });
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
          </ul>
          <TimelineCanvas
            rows={rows}
            label={t('combined.title')}
            describedBy={`${id}-summary`}
            focused={focusedRow}
            selected={selectedRow}
            resetToken={resetToken}
            onFocusRow={setFocused}
            onSelectRow={selectRow}
          />
          <p className="combined-focused" aria-live="polite" data-testid="combined-timeline-focused">
            {focusedRow >= 0 ? describe(focusedRow) : ''}
          </p>
        </>
      )}
    </section>
  );
}
