import { lazy, memo, Suspense, useDeferredValue } from 'react';
import type { Diagnostic } from '../../domain/diagnostics';
import type { CallbackDocument } from '../../domain/model';
import { useT } from '../../i18n/use-i18n';

/** The panels are kept out of the initial bundle: loaded once the page is idle, or with the first document shown. */
const loadPanels = () => import('./panels-body');
const PanelsBody = lazy(() => loadPanels().then((m) => ({ default: m.PanelsBody })));

const NONE: readonly Diagnostic[] = [];

/** Loads the panels' code ahead of the first document (the page calls it when idle). */
export function preloadPanels(): void {
  void loadPanels().catch(() => undefined);
}

export interface DocumentPanelsProps {
  readonly doc: CallbackDocument;
  /** Names the document among all loaded (the list's entry key): a new document gets a fresh view. */
  readonly docKey: string;
  /** The draft: its parse error is shown under the draft box, so Diagnostics only points there. */
  readonly isDraft?: boolean;
  /** What parsing said of the whole text the document was read from (skipped lines…): shown in Diagnostics. */
  readonly inputDiagnostics?: readonly Diagnostic[];
}

/**
 * Every panel that has data for the selected document; a fresh view (job, selection) for each document.
 * Memoised: the detail around it re-renders at every batch of a large load, its document does not change.
 * A document's panels render in a deferred render, which React splits into slices of a few milliseconds (in one
 * piece they take tens of ms, over a hundred while a large load keeps both cores busy); meanwhile the previous
 * document's panels stay, or a loading line for the first.
 */
export const DocumentPanels = memo(function DocumentPanels({
  doc,
  docKey,
  isDraft = false,
  inputDiagnostics = NONE,
}: DocumentPanelsProps) {
  const t = useT();
  const shown = useDeferredValue<CallbackDocument | null>(doc, null);
  const shownKey = useDeferredValue(docKey);
  const loading = <p className="pn-loading">{t('common.loading')}</p>;
  if (!shown) return loading;
  return (
    <Suspense fallback={loading}>
      <PanelsBody key={shownKey} doc={shown} isDraft={isDraft} inputDiagnostics={inputDiagnostics} />
    </Suspense>
  );
});
