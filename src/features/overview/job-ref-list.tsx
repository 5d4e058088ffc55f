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
  readonly testId: string;
  readonly onSelect: (documentIndex: number) => void;
}

/** Jobs one click away from their callback (the slowest, the failed). */
export function JobRefList({ title, jobs, testId, onSelect }: JobRefListProps) {
  const t = useT();
  return (
    <section className="overview-card" data-testid={testId} aria-label={title}>
      <h3>{title}</h3>
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
                onClick={() => onSelect(job.documentIndex)}
              >
                <span className="overview-job-id">{job.jobId ?? `#${job.documentIndex + 1}`}</span>
                <span className="overview-job-meta">
                  {job.state ? <StateBadge state={job.state} /> : null}
                  <span>{job.tag}</span>
                  <span>{formatDuration(job.runTimeMs)}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {jobs.length > SHOWN ? <p className="overview-muted">+{jobs.length - SHOWN}</p> : null}
    </section>
  );
}
