import { useCallback } from 'react';
import { useFormatInstant } from '../../components/ui/use-time-format';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { selectDocumentAt } from '../../store/select-at';
import { selectOverview } from '../../store/overview-select';
import type { ListFacet } from '../../store/view-slice';
import { CountTable } from './count-table';
import { DuplicateList } from './duplicate-list';
import { DurationTable } from './duration-table';
import { ExportBar } from './export-bar';
import { FailuresByCode } from './failures-by-code';
import { JobRefList } from './job-ref-list';
import { RunTimeHistogram } from './run-time-histogram';
import { WorkflowRunList } from './workflow-run-list';
import './overview.css';

type KindKey = Extract<ListFacet, { kind: 'docKind' }>['value'];
const KINDS: readonly KindKey[] = ['jobs', 'workflow', 'unrecognised', 'invalid'];
const isKind = (key: string): key is KindKey => (KINDS as readonly string[]).includes(key);

/**
 * The loaded set at a glance, for triage: callbacks, distinct jobs and workflow runs said once; what failed, by
 * Code; durations; repeated deliveries; workflow run health. Every figure is a way into the list.
 */
export function OverviewView() {
  const t = useT();
  const overview = useAppStore(selectOverview);
  const formatInstant = useFormatInstant();
  const select = useCallback((index: number) => selectDocumentAt(index), []);
  const showInList = useAppStore((s) => s.showInList);
  const facet = (f: ListFacet) => showInList({ facet: f });
  const kindName = (key: string) =>
    isKind(key) ? t(`overview.kind.${key}`) : key === 'moderation' ? t('overview.kind.moderation') : key;
  const first = formatInstant(overview.firstEndMs, overview.offsetMinutes);
  const last = formatInstant(overview.lastEndMs, overview.offsetMinutes);
  const { moderation } = overview;
  return (
    <section className="overview" data-testid="overview" aria-labelledby="overview-title">
      <h2 id="overview-title" className="overview-title">
        {t('overview.title', { count: overview.documentCount })}
      </h2>
      <ul className="overview-units" data-testid="overview-units">
        <li data-unit="callbacks" data-count={overview.documentCount}>
          <button type="button" className="link-button" onClick={() => showInList({})}>
            {t('overview.units.callbacks', { count: overview.documentCount })}
          </button>
        </li>
        <li data-unit="jobs" data-count={overview.jobCount}>
          <button
            type="button"
            className="link-button"
            onClick={() => facet({ kind: 'docKind', value: 'jobs' })}
          >
            {t('overview.units.jobs', { count: overview.jobCount })}
          </button>
        </li>
        <li data-unit="runs" data-count={overview.workflowRunCount}>
          <button type="button" className="link-button" onClick={() => facet({ kind: 'runs', value: 'all' })}>
            {t('overview.units.runs', { count: overview.workflowRunCount })}
          </button>
        </li>
        <li data-unit="failed" data-count={overview.failed.length}>
          <button type="button" className="link-button" onClick={() => facet({ kind: 'failed' })}>
            {t('overview.units.failed', { count: overview.failed.length })}
          </button>
        </li>
        {first !== undefined ? (
          <li className="overview-muted" data-unit="range">
            {t('overview.units.range', { from: first, to: last ?? first })}
          </li>
        ) : null}
      </ul>
      <ExportBar overview={overview} />
      <div className="overview-grid">
        <FailuresByCode
          groups={overview.failuresByCode}
          onPick={(code) => facet({ kind: 'code', value: code })}
        />
        <CountTable
          caption={t('overview.byKind')}
          keyHeader={t('overview.kind')}
          countHeader={t('overview.unit.callbacks')}
          counts={overview.byKind}
          testId="overview-by-kind"
          nameOf={kindName}
          pickLabel={() => t('overview.showInList')}
          onPick={(key) => (isKind(key) ? facet({ kind: 'docKind', value: key }) : undefined)}
        />
        <CountTable
          caption={t('overview.byState')}
          keyHeader="State"
          countHeader={t('overview.unit.callbacks')}
          counts={overview.byState}
          testId="overview-by-state"
          pickLabel={() => t('overview.showInList')}
          onPick={(state) => showInList({ state })}
        />
        <CountTable
          caption={t('overview.byTag')}
          keyHeader="Tag"
          countHeader={t('overview.unit.callbacks')}
          counts={overview.byTag}
          testId="overview-by-tag"
          pickLabel={() => t('overview.showInList')}
          onPick={(tag) => showInList({ tag })}
        />
        <JobRefList
          title={t('overview.failed')}
          jobs={overview.failed}
          testId="overview-failed"
          onSelect={select}
          showFailure
          action={
            overview.failed.length > 0 ? (
              <button type="button" className="link-button" onClick={() => facet({ kind: 'failed' })}>
                {t('overview.showInList')}
              </button>
            ) : null
          }
        />
        <DurationTable queueWait={overview.queueWait} runTime={overview.runTime} />
        <RunTimeHistogram bins={overview.runTimeHistogram} />
        <JobRefList
          title={t('overview.slowest')}
          jobs={overview.slowest}
          total={overview.slowest.length}
          testId="overview-slowest"
          onSelect={select}
        />
        <DuplicateList
          duplicates={overview.duplicates}
          extraDeliveries={overview.extraDeliveries}
          onSelect={select}
          onShowAll={() => facet({ kind: 'duplicates' })}
          onShowVariants={() => facet({ kind: 'variants' })}
        />
        <WorkflowRunList
          runs={overview.workflowRuns}
          health={overview.runHealth}
          onSelect={select}
          onPick={(value) => facet({ kind: 'runs', value })}
        />
        {moderation.callbacks > 0 ? (
          <section
            className="overview-card"
            data-testid="overview-moderation"
            aria-label={t('overview.moderation')}
          >
            <h3>{t('overview.moderation')}</h3>
            <ul className="overview-health">
              {Object.entries(moderation.byVerdict).map(([verdict, n]) => (
                <li key={verdict} data-verdict={verdict} data-count={n}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => facet({ kind: 'verdict', value: verdict })}
                  >
                    <span className="overview-number">{n}</span> {verdict}
                  </button>
                </li>
              ))}
              <li data-figure="test-requests" data-count={moderation.testRequests}>
                <button
                  type="button"
                  className="link-button"
                  disabled={moderation.testRequests === 0}
                  onClick={() => facet({ kind: 'testRequest' })}
                >
                  <span className="overview-number">{moderation.testRequests}</span>{' '}
                  {t('overview.moderation.testRequests')}
                </button>
              </li>
            </ul>
          </section>
        ) : null}
      </div>
    </section>
  );
}
