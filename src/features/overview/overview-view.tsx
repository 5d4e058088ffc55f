import { useCallback } from 'react';
import { buildOverview } from '../../domain/derive/overview';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { memoizeLast } from '../../store/memoize';
import { selectDocumentAt } from '../../store/select-at';
import { selectAllDocuments } from '../../store/selectors';
import { CountTable } from './count-table';
import { DuplicateList } from './duplicate-list';
import { DurationTable } from './duration-table';
import { JobRefList } from './job-ref-list';
import { RunTimeHistogram } from './run-time-histogram';
import { WorkflowRunList } from './workflow-run-list';
import './overview.css';

/** One overview per loaded set: rebuilt only when the documents change. */
const overviewOf = memoizeLast(buildOverview);

/** The loaded set at a glance: counts, durations, the slowest and failed jobs, duplicates, workflow runs. */
export function OverviewView() {
  const t = useT();
  const documents = useAppStore(selectAllDocuments);
  const overview = overviewOf(documents);
  const select = useCallback((index: number) => selectDocumentAt(index), []);
  return (
    <section className="overview" data-testid="overview" aria-labelledby="overview-title">
      <h2 id="overview-title" className="overview-title">
        {t('overview.title', { count: overview.documentCount })},{' '}
        {t('overview.title.jobs', { count: overview.jobCount })}
      </h2>
      <div className="overview-grid">
        <CountTable
          caption={t('overview.byState')}
          keyHeader="State"
          countHeader={t('overview.count')}
          counts={overview.byState}
          testId="overview-by-state"
        />
        <CountTable
          caption={t('overview.byTag')}
          keyHeader="Tag"
          countHeader={t('overview.count')}
          counts={overview.byTag}
          testId="overview-by-tag"
        />
        <DurationTable queueWait={overview.queueWait} runTime={overview.runTime} />
        <RunTimeHistogram bins={overview.runTimeHistogram} />
        <JobRefList
          title={t('overview.slowest')}
          jobs={overview.slowest}
          testId="overview-slowest"
          onSelect={select}
        />
        <JobRefList
          title={t('overview.failed')}
          jobs={overview.failed}
          testId="overview-failed"
          onSelect={select}
        />
        <DuplicateList duplicates={overview.duplicates} onSelect={select} />
        <WorkflowRunList runs={overview.workflowRuns} onSelect={select} />
      </div>
    </section>
  );
}
