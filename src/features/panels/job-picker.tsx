import { useRef, type KeyboardEvent } from 'react';
import type { Job } from '../../domain/model';

/** What a job tab shows: a TaskFinish job, or a moderation job. */
export type TabJob = Pick<Job, 'state' | 'jobId'>;
import { useT } from '../../i18n/use-i18n';
import { StateBadge } from '../../components/ui/state-badge';

export interface JobPickerProps {
  readonly jobs: readonly TabJob[];
  readonly selected: number;
  readonly onSelect: (index: number) => void;
  /** Id of the tab panel the tabs control. */
  readonly panelId: string;
  readonly idPrefix: string;
}

/** Tabs for the jobs of a job list response (several JobsDetail); arrow keys move between them. */
export function JobPicker({ jobs, selected, onSelect, panelId, idPrefix }: JobPickerProps) {
  const t = useT();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = jobs.length - 1;
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? selected >= last
          ? 0
          : selected + 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? selected <= 0
            ? last
            : selected - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    onSelect(next);
    tabs.current[next]?.focus();
  };
  return (
    <div
      className="pn-jobs"
      role="tablist"
      aria-label={t('summary.jobCount', { count: jobs.length })}
      onKeyDown={move}
    >
      {jobs.map((job, i) => (
        <button
          key={i}
          ref={(el) => {
            tabs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${i}`}
          aria-selected={i === selected}
          aria-controls={panelId}
          tabIndex={i === selected ? 0 : -1}
          className="pn-job-tab"
          data-job-index={i}
          onClick={() => onSelect(i)}
        >
          <span className="pn-job-tab-title">{t('summary.jobN', { index: i + 1, count: jobs.length })}</span>
          <StateBadge state={job.state} />
          {job.jobId !== undefined ? <span className="ui-mono pn-job-tab-id">{job.jobId}</span> : null}
        </button>
      ))}
    </div>
  );
}
