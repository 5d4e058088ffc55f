import { lazy, Suspense } from 'react';
import { useT } from '../i18n/use-i18n';
import { useAppStore } from '../store/app-store';
import { selectDocumentCount } from '../store/selectors';
import { DocumentDetail, type DocumentDetailProps } from './document-detail';
import { MainViewTabs } from './main-view-tabs';
import './app.css';

// Heavy views load on demand: the initial bundle stays under its budget. The banner of an opened share link too.
const OpenedLinkBanner = lazy(() =>
  import('../features/share/opened-link-banner').then((m) => ({ default: m.OpenedLinkBanner })),
);
const OverviewView = lazy(() =>
  import('../features/overview/overview-view').then((m) => ({ default: m.OverviewView })),
);
const CombinedTimelineView = lazy(() =>
  import('../features/combined-timeline/combined-timeline-view').then((m) => ({
    default: m.CombinedTimelineView,
  })),
);

/** The main area: with two or more callbacks loaded, tabs offer the overview and the combined timeline. */
export function MainViews({ sampleLabel }: DocumentDetailProps) {
  const t = useT();
  const total = useAppStore(selectDocumentCount);
  const chosen = useAppStore((s) => s.mainView);
  const view = total >= 2 ? chosen : 'document';
  const hasOpenedLink = useAppStore((s) => s.openedLink !== undefined);
  return (
    <>
      {hasOpenedLink ? (
        <Suspense fallback={null}>
          <OpenedLinkBanner />
        </Suspense>
      ) : null}
      {total >= 2 ? <MainViewTabs /> : null}
      {view === 'document' ? (
        <DocumentDetail sampleLabel={sampleLabel} />
      ) : (
        <Suspense fallback={<p className="view-loading">{t('views.loading')}</p>}>
          {view === 'overview' ? <OverviewView /> : <CombinedTimelineView />}
        </Suspense>
      )}
    </>
  );
}
