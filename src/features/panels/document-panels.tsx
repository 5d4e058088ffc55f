import { lazy, Suspense } from 'react';
import type { CallbackDocument } from '../../domain/model';
import { useT } from '../../i18n/use-i18n';

/** The panels load with the first document shown, keeping them out of the initial bundle. */
const PanelsBody = lazy(() => import('./panels-body').then((m) => ({ default: m.PanelsBody })));

export interface DocumentPanelsProps {
  readonly doc: CallbackDocument;
}

/** Every panel that has data for the selected document; a fresh view (job, selection) for each document. */
export function DocumentPanels({ doc }: DocumentPanelsProps) {
  const t = useT();
  return (
    <Suspense fallback={<p className="pn-loading">{t('common.loading')}</p>}>
      <PanelsBody key={`${doc.index}:${doc.source.start.offset}`} doc={doc} />
    </Suspense>
  );
}
