import type { ReactNode } from 'react';
import { StateBadge } from '../../components/ui/state-badge';
import { formatDuration } from '../../domain/derive/format-time';
import type { JobRef } from '../../domain/derive/overview';
import { useT } from '../../i18n/use-i18n';
import './overview.css';

/** Lists longer than this show their first entries and how many more there are. */
const SHOWN = 25;

export interface JobRefListProps {
  readonly title: string;
  readonly jobs: readonly JobRef[];
  /** How many there are in all (the list may hold only the first). */
  readonly total?: number;
  readonly testId: string;
  readonly onSelect: (documentIndex: number) => void;
  /** Shows the failed jobs' Code and Message. */
  readonly showFailure?: boolean;
  /** A way to see them all in the list. */
  readonly action?: ReactNode;
}

/** Distinct jobs one click away from their callback (the slowest, the failed with their Code and Message). */
export function JobRefList({
  title,
  jobs,
  total = jobs.length,
  testId,
  onSelect,
  showFailure = false,
  action,
}: JobRefListProps) {
  const t = useT();
  return (
    <section
      className="overview-card overview-wide overview-list-card"
      data-testid={testId}
      data-count={total}
      aria-label={title}
    >
      <h3>
        {title} <span className="overview-muted">({total})</span>
      </h3>
      {action}
      {jobs.length === 0 ? (
        <p className="overview-muted">{t('overview.none')}</p>
      ) : (
        <ol className="overview-jobs">
          {jobs.slice(0, SHOWN).map((job) => (
            <li key={`${job.documentIndex}:${job.jobIndex}`}>
              <button
                type="button"
                className="overview-job"
                data-document-index={job.documentIndex}
                data-code={showFailure ? (job.code ?? '') : undefined}
                onClick={() => onSelect(job.documentIndex)}
              >
                <span className="overview-job-id">{job.jobId ?? `#${job.documentIndex + 1}`}</span>
                <span className="overview-job-meta">
                  {job.state ? <StateBadge state={job.state} /> : null}
                  <span>{job.tag}</span>
                  {showFailure ? null : <span>{formatDuration(job.runTimeMs)}</span>}
                </span>
                {showFailure ? (
                  <span className="overview-failure">
                    <span className="overview-code">{job.code ?? t('overview.failures.noCode')}</span>{' '}
                    <span className="overview-message">{job.message ?? ''}</span>
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ol>
      )}
      {jobs.length > SHOWN ? <p className="overview-muted">+{jobs.length - SHOWN}</p> : null}
    </section>
  );
}
