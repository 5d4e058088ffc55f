import type { DuplicateGroup } from '../../domain/derive/overview';
import { useT } from '../../i18n/use-i18n';
import './overview.css';

const SHOWN = 25;

export interface DuplicateListProps {
  readonly duplicates: readonly DuplicateGroup[];
  readonly onSelect: (documentIndex: number) => void;
}

/** JobIds delivered in more than one callback (a retried delivery), each callback one click away. */
export function DuplicateList({ duplicates, onSelect }: DuplicateListProps) {
  const t = useT();
  const rows = duplicates;
  return (
    <section
      className="overview-card"
      data-testid="overview-duplicates"
      aria-label={t('overview.duplicates')}
    >
      <h3>{t('overview.duplicates')}</h3>
      {rows.length === 0 ? (
        <p className="overview-muted">{t('overview.none')}</p>
      ) : (
        <ul className="overview-groups">
          {rows.slice(0, SHOWN).map(({ jobId, documents: docs }) => (
            <li key={jobId} data-job-id={jobId}>
              <span className="overview-job-id">{jobId}</span>{' '}
              <span className="overview-muted">{t('overview.duplicates.times', { count: docs.length })}</span>
              <span className="overview-links">
                {docs.map((index) => (
                  <button
                    key={index}
                    type="button"
                    className="link-button"
                    data-document-index={index}
                    onClick={() => onSelect(index)}
                  >
                    #{index + 1}
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
      {rows.length > SHOWN ? <p className="overview-muted">+{rows.length - SHOWN}</p> : null}
    </section>
  );
}
