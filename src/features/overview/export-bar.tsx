import { useRef, useState } from 'react';
import { copyText } from '../../components/ui/copy-text';
import { digestOf } from '../../domain/derive/digest';
import type { Overview } from '../../domain/derive/overview';
import { listToCsv, overviewToJson, type CsvItem } from '../../domain/share/triage-export';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { entryDeliveries, selectDeliveries, selectVisibleEntries } from '../../store/selectors';
import './overview.css';
import { entryName } from '../../store/entry-name';

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

function download(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface ExportBarProps {
  readonly overview: Overview;
}

/** The filtered list as CSV and the overview as JSON, each downloaded as a file or copied. */
export function ExportBar({ overview }: ExportBarProps) {
  const t = useT();
  const shown = useAppStore((s) => selectVisibleEntries(s).length);
  const [status, setStatus] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const say = (text: string) => {
    setStatus(text);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStatus(''), 2500);
  };
  const csv = () => {
    const state = useAppStore.getState();
    const deliveries = selectDeliveries(state);
    const items: CsvItem[] = selectVisibleEntries(state).map((e) => ({
      source: entryName(e, t, (sampleId) => sampleId),
      state: e.doc.state,
      digest: digestOf(e.doc),
      deliveries: entryDeliveries(e, deliveries).total,
    }));
    return listToCsv(items, state.timeZone);
  };
  const json = () => overviewToJson(overview, useAppStore.getState().timeZone);
  const copy = (text: string) =>
    void copyText(text).then((ok) => say(ok ? t('copy.copied') : t('copy.failed')));
  return (
    <div className="overview-export" data-testid="overview-export">
      <span className="overview-export-label">{t('overview.export.list', { count: shown })}</span>
      <button
        type="button"
        className="button button-small"
        data-testid="export-csv-download"
        onClick={() => download(csv(), 'text/csv;charset=utf-8', `ci-callbacks-${stamp(new Date())}.csv`)}
      >
        {t('overview.export.download')} CSV
      </button>
      <button
        type="button"
        className="button button-small"
        data-testid="export-csv-copy"
        // The byte-order mark is for files (spreadsheets read UTF-8 by it); pasted text does not want it.
        onClick={() => copy(csv().replace(/^\uFEFF/, ''))}
      >
        {t('overview.export.copy')} CSV
      </button>
      <span className="overview-export-label">{t('overview.export.overview')}</span>
      <button
        type="button"
        className="button button-small"
        data-testid="export-overview-download"
        onClick={() => download(json(), 'application/json', `ci-overview-${stamp(new Date())}.json`)}
      >
        {t('overview.export.download')} JSON
      </button>
      <button
        type="button"
        className="button button-small"
        data-testid="export-overview-copy"
        onClick={() => copy(json())}
      >
        {t('overview.export.copy')} JSON
      </button>
      <span role="status" aria-live="polite" className="overview-muted">
        {status}
      </span>
    </div>
  );
}
