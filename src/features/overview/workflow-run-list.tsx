import type { WorkflowRunGroup } from '../../domain/derive/overview';
import { useT } from '../../i18n/use-i18n';
import './overview.css';

const SHOWN = 25;

export interface WorkflowRunListProps {
  readonly runs: readonly WorkflowRunGroup[];
  readonly onSelect: (documentIndex: number) => void;
}

/** Each workflow run (RunId): its WorkflowFinish callback with the TaskFinish callbacks of its tasks. */
export function WorkflowRunList({ runs, onSelect }: WorkflowRunListProps) {
  const t = useT();
  return (
    <section className="overview-card" data-testid="overview-runs" aria-label={t('overview.runs')}>
      <h3>{t('overview.runs')}</h3>
      {runs.length === 0 ? (
        <p className="overview-muted">{t('overview.none')}</p>
      ) : (
        <ul className="overview-groups">
          {runs.slice(0, SHOWN).map((run) => (
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
                {run.jobs.map((job) => (
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
              </span>
            </li>
          ))}
        </ul>
      )}
      {runs.length > SHOWN ? <p className="overview-muted">+{runs.length - SHOWN}</p> : null}
    </section>
  );
}
