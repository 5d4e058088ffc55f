import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isSingleColumn, onDetailFocusRequest, takeDetailFocus } from '../components/ui/detail-focus';
import { DocumentPanels } from '../features/panels/document-panels';
import { entryName } from '../store/entry-name';
import { ExportMenu } from '../features/export/export-menu';
import { useSourcesRead } from '../store/use-sources-read';
import { ShareButton } from '../features/share/share-button';
import { useT } from '../i18n/use-i18n';
import { useAppStore } from '../store/app-store';
import { isDraftEntry, type ListEntry } from '../store/list-entry';
import { selectInputDiagnostics } from '../store/selectors';
import { selectDocumentCount, selectSelectedEntry } from '../store/selectors';
import './app.css';

// Kept out of the initial bundle: comparing is for when several callbacks are loaded.
const loadComparePanel = () => import('../features/compare/compare-panel');
const ComparePanel = lazy(() => loadComparePanel().then((m) => ({ default: m.ComparePanel })));

/**
 * Loads the compare panel's code and styles while the page is idle (`main.tsx`): loaded when a second document
 * first arrives, its stylesheet went in during the first rows' commit of a large load, 14 ms of a task the load
 * already makes long.
 */
export function preloadComparePanel(): void {
  void loadComparePanel().catch(() => undefined);
}

export interface DocumentDetailProps {
  readonly sampleLabel: (sampleId: string) => string;
}

/** The selected document: its name, where it stops being readable (if it does), and its panels. */
export function DocumentDetail({ sampleLabel }: DocumentDetailProps) {
  const t = useT();
  const entry = useAppStore(selectSelectedEntry);
  const total = useAppStore(selectDocumentCount);
  // Stable, so the memoised compare panel is not re-rendered by every batch of a large load (the count changes).
  const nameOf = useCallback((e: ListEntry) => entryName(e, t, sampleLabel), [t, sampleLabel]);
  const heading = useRef<HTMLHeadingElement>(null);
  const [focusAsked, setFocusAsked] = useState(0);
  useEffect(() => onDetailFocusRequest(() => setFocusAsked((n) => n + 1)), []);
  const key = entry?.key;
  // A callback of a large file is read from the file when shown: its panels, export and share wait for it.
  const doc = entry?.doc;
  const shownDocs = useMemo(() => (doc ? [doc] : []), [doc]);
  const reading = useSourcesRead(shownDocs);
  const inputDiagnostics = useAppStore((s) => selectInputDiagnostics(s, entry?.sourceId));
  useEffect(() => {
    // After a load the person asked for, the focus goes to the callback's name (the panels follow it), and the
    // page scrolls to it: on a phone the detail is below the list.
    if (key === undefined || !heading.current || !takeDetailFocus()) return;
    heading.current.focus({ preventScroll: true });
    heading.current.scrollIntoView({ block: isSingleColumn() ? 'start' : 'nearest' });
  }, [key, focusAsked]);
  if (!entry) {
    return (
      <div className="detail-empty">
        <h2>{t(total === 0 ? 'shell.welcome.title' : 'shell.detail.none')}</h2>
        {total === 0 ? <p>{t('shell.welcome.body')}</p> : null}
      </div>
    );
  }
  return (
    <section className="detail" aria-labelledby="detail-title">
      <div className="detail-head">
        <h2 id="detail-title" className="detail-title" ref={heading} tabIndex={-1}>
          {entryName(entry, t, sampleLabel)}
        </h2>
        <div className="detail-actions">
          <button type="button" className="button detail-back" onClick={backToList}>
            {t('shell.backToList')}
          </button>
          {reading === 'read' ? (
            <>
              <ShareButton sampleLabel={sampleLabel} />
              <ExportMenu
                key={entry.key}
                doc={entry.doc}
                name={entryName(entry, t, sampleLabel)}
                sampleLabel={sampleLabel}
              />
            </>
          ) : null}
        </div>
      </div>
      {reading !== 'read' ? (
        <p
          className={reading === 'failed' ? 'detail-reading detail-reading-failed' : 'detail-reading'}
          role={reading === 'failed' ? 'alert' : 'status'}
          data-testid="source-reading"
        >
          {t(reading === 'failed' ? 'detail.source.failed' : 'detail.source.reading')}
        </p>
      ) : null}
      {reading === 'read' && total >= 2 ? (
        <Suspense fallback={null}>
          <ComparePanel entry={entry} nameOf={nameOf} />
        </Suspense>
      ) : null}
      {/* A parse error is shown in full once: under the draft for the draft, in Diagnostics for a loaded one. */}
      {reading === 'read' ? (
        <DocumentPanels
          docKey={entry.key}
          doc={entry.doc}
          isDraft={isDraftEntry(entry)}
          inputDiagnostics={inputDiagnostics}
        />
      ) : null}
    </section>
  );
}

/** Phone layout: back up to the list, on the selected row (the detail is below the list there). */
function backToList(): void {
  const row = document.querySelector<HTMLElement>('[data-testid="document-list"] [aria-selected="true"]');
  const target = row ?? document.getElementById('document-list-title');
  target?.scrollIntoView({ block: 'center' });
  target?.focus({ preventScroll: true });
}
