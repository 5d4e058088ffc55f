import type { RunHealth, WorkflowRunGroup } from '../../domain/derive/overview';
import { useT } from '../../i18n/use-i18n';
import type { ListFacet } from '../../store/view-slice';
import './overview.css';

const SHOWN = 25;

type RunFacet = Extract<ListFacet, { kind: 'runs' }>['value'];

export interface WorkflowRunListProps {
  readonly runs: readonly WorkflowRunGroup[];
  readonly health: RunHealth;
  readonly onSelect: (documentIndex: number) => void;
  readonly onPick: (value: RunFacet) => void;
}

/**
 * Workflow run health (runs without their WorkflowFinish, WorkflowFinish tasks whose TaskFinish is missing, runs
 * with a failed task: each a way into the list), then each run with its callbacks, the troubled first.
 */
export function WorkflowRunList({ runs, health, onSelect, onPick }: WorkflowRunListProps) {
  const t = useT();
  const troubled = (r: WorkflowRunGroup) =>
    (r.hasFailedTask ? 4 : 0) +
    (r.executionDocuments.length === 0 ? 2 : 0) +
    (r.missingTaskJobIds.length ? 1 : 0);
  const ordered = [...runs].sort((a, b) => troubled(b) - troubled(a));
  const figure = (value: RunFacet, count: number, text: string) => (
    <li data-figure={value} data-count={count}>
      <button type="button" className="link-button" disabled={count === 0} onClick={() => onPick(value)}>
        <span className="overview-number">{count}</span> {text}
      </button>
    </li>
  );
  return (
    <section
      className="overview-card overview-wide overview-list-card"
      data-testid="overview-runs"
      aria-label={t('overview.runs')}
    >
      <h3>{t('overview.runs')}</h3>
      <ul className="overview-health" data-testid="run-health">
        {figure('all', health.runs, t('overview.runs.all'))}
        {figure('noFinish', health.withoutFinish, t('overview.runs.noFinish'))}
        {figure(
          'missingTasks',
          health.withMissingTasks,
          t('overview.runs.missingTasks', { count: health.missingTasks }),
        )}
        {figure('failedTask', health.withFailedTask, t('overview.runs.failedTask'))}
      </ul>
      {runs.length === 0 ? null : (
        <ul className="overview-groups">
          {ordered.slice(0, SHOWN).map((run) => (
            <li key={run.runId} data-run-id={run.runId}>
              <span className="overview-job-id">RunId {run.runId}</span>
              <span className="overview-links">
                {run.executionDocuments.map((index) => (
                  <button
                    key={`w${index}`}
                    type="button"
                    className="link-button"
                    data-document-index={index}
                    onClick={() => onSelect(index)}
                  >
                    WorkflowFinish #{index + 1}
                  </button>
                ))}
                {run.jobs.slice(0, 12).map((job) => (
                  <button
                    key={`j${job.documentIndex}:${job.jobIndex}`}
                    type="button"
                    className="link-button"
                    data-document-index={job.documentIndex}
                    onClick={() => onSelect(job.documentIndex)}
                  >
                    TaskFinish {job.tag ?? ''} #{job.documentIndex + 1}
                  </button>
                ))}
              </span>
              <span className="overview-muted">
                {t('overview.runs.finish', { count: run.executionDocuments.length })},{' '}
                {t('overview.runs.tasks', { count: run.jobs.length })}
                {run.missingTaskJobIds.length > 0
                  ? ` · ${t('overview.runs.missing', { count: run.missingTaskJobIds.length })}`
                  : ''}
                {run.hasFailedTask ? ` · ${t('overview.runs.failed')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {runs.length > SHOWN ? <p className="overview-muted">+{runs.length - SHOWN}</p> : null}
    </section>
  );
}
