import type { DuplicateGroup } from '../../domain/derive/overview';
import { useT } from '../../i18n/use-i18n';
import './overview.css';

const SHOWN = 25;

export interface DuplicateListProps {
  readonly duplicates: readonly DuplicateGroup[];
  readonly extraDeliveries: number;
  readonly onSelect: (documentIndex: number) => void;
  readonly onShowAll: () => void;
  readonly onShowVariants: () => void;
}

/**
 * JobIds delivered in more than one callback, most deliveries first: repeated deliveries of one callback (×5) apart
 * from callbacks that share a JobId but differ (a retry, a changed State). Each callback one click away.
 */
export function DuplicateList({
  duplicates,
  extraDeliveries,
  onSelect,
  onShowAll,
  onShowVariants,
}: DuplicateListProps) {
  const t = useT();
  const differing = duplicates.filter((d) => d.variants > 1).length;
  return (
    <section
      className="overview-card"
      data-testid="overview-duplicates"
      data-job-ids={duplicates.length}
      data-extra={extraDeliveries}
      aria-label={t('overview.duplicates')}
    >
      <h3>{t('overview.duplicates')}</h3>
      {duplicates.length === 0 ? (
        <p className="overview-muted">{t('overview.none')}</p>
      ) : (
        <>
          <p className="overview-figures">
            <button type="button" className="link-button" data-figure="duplicates" onClick={onShowAll}>
              {t('overview.duplicates.jobIds', { count: duplicates.length })}
            </button>{' '}
            <span className="overview-muted">
              {t('overview.duplicates.extra', { count: extraDeliveries })}
            </span>
            {differing > 0 ? (
              <>
                {' · '}
                <button type="button" className="link-button" data-figure="variants" onClick={onShowVariants}>
                  {t('overview.duplicates.differ', { count: differing })}
                </button>
              </>
            ) : null}
          </p>
          <ul className="overview-groups">
            {duplicates.slice(0, SHOWN).map(({ jobId, documents, variants }) => (
              <li key={jobId} data-job-id={jobId} data-deliveries={documents.length} data-variants={variants}>
                <span className="overview-job-id">{jobId}</span>{' '}
                <span className="overview-muted">
                  ×{documents.length}
                  {variants > 1 ? ` · ${t('overview.duplicates.variants', { count: variants })}` : ''}
                </span>
                <span className="overview-links">
                  {documents.slice(0, 12).map((index) => (
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
                  {documents.length > 12 ? (
                    <span className="overview-muted">+{documents.length - 12}</span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
          {duplicates.length > SHOWN ? <p className="overview-muted">+{duplicates.length - SHOWN}</p> : null}
        </>
      )}
    </section>
  );
}
