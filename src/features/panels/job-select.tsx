import { useId } from 'react';
import type { TabJob } from './job-picker';
import { useT } from '../../i18n/use-i18n';

export interface JobSelectProps {
  readonly jobs: readonly TabJob[];
  readonly selected: number;
  readonly onSelect: (index: number) => void;
}

/** For a job list response with many jobs, where tabs would not fit: a select naming each job by id and State. */
export function JobSelect({ jobs, selected, onSelect }: JobSelectProps) {
  const t = useT();
  const id = useId();
  return (
    <div className="pn-job-select">
      <label htmlFor={id}>{t('summary.jobCount', { count: jobs.length })}</label>
      <select
        id={id}
        className="select"
        value={selected}
        onChange={(e) => onSelect(Number(e.target.value))}
        data-testid="job-select"
      >
        {jobs.map((job, i) => (
          <option key={i} value={i}>
            {`${t('summary.jobN', { index: i + 1, count: jobs.length })} · ${job.state ?? '—'} · ${job.jobId ?? ''}`}
          </option>
        ))}
      </select>
    </div>
  );
}
