import { useFormatInstant } from '../../components/ui/use-time-format';
import type { FailureGroup } from '../../domain/derive/overview';
import { useT } from '../../i18n/use-i18n';
import './overview.css';

export interface FailuresByCodeProps {
  readonly groups: readonly FailureGroup[];
  readonly onPick: (code: string) => void;
}

/**
 * What failed and why: one row per Code with how many callbacks and distinct jobs, a sample Message, the Tags it
 * hit and when (first and last EndTime). A row's Code shows its callbacks in the list.
 */
export function FailuresByCode({ groups, onPick }: FailuresByCodeProps) {
  const t = useT();
  const formatInstant = useFormatInstant();
  return (
    <section className="overview-card overview-wide" aria-labelledby="failures-by-code-title">
      <h3 id="failures-by-code-title">{t('overview.failures')}</h3>
      {groups.length === 0 ? (
        <p className="overview-muted">{t('overview.failures.none')}</p>
      ) : (
        <div className="overview-scroll" data-scroll-x="">
          <table className="overview-table overview-failures" data-testid="failures-by-code">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">{t('overview.unit.callbacks')}</th>
                <th scope="col">{t('overview.unit.jobs')}</th>
                <th scope="col">Message</th>
                <th scope="col">Tag</th>
                <th scope="col">{t('overview.failures.when')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => {
                const first = formatInstant(g.firstMs, g.offsetMinutes);
                const last = formatInstant(g.lastMs, g.offsetMinutes);
                return (
                  <tr key={g.code} data-code={g.code} data-count={g.callbacks} data-jobs={g.jobs}>
                    <th scope="row" className="overview-key">
                      <button
                        type="button"
                        className="link-button overview-pick"
                        title={t('overview.showInList')}
                        onClick={() => onPick(g.code)}
                      >
                        {g.code || t('overview.failures.noCode')}
                      </button>
                    </th>
                    <td className="overview-number" data-stat="callbacks">
                      {g.callbacks}
                    </td>
                    <td className="overview-number" data-stat="jobs">
                      {g.jobs}
                    </td>
                    <td className="overview-message" data-stat="message">
                      {g.sampleMessage ?? '—'}
                      {g.messages > 1 ? (
                        <span className="overview-muted">
                          {' '}
                          {t('overview.failures.moreMessages', { count: g.messages - 1 })}
                        </span>
                      ) : null}
                    </td>
                    <td data-stat="tags">{g.tags.join(', ') || '—'}</td>
                    <td className="overview-when" data-stat="when">
                      {first === undefined ? (
                        '—'
                      ) : first === last ? (
                        first
                      ) : (
                        <>
                          <span className="overview-when-line">{first} –</span>
                          <span className="overview-when-line">{last}</span>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
