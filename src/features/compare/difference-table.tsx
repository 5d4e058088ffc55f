import type { Difference } from '../../domain/derive/compare-documents';
import { useT } from '../../i18n/use-i18n';
import './compare.css';

/** Rows beyond this are not rendered (two unrelated callbacks differ everywhere); the count says how many. */
const SHOWN = 500;

export interface DifferenceTableProps {
  readonly differences: readonly Difference[];
}

/** One row per differing field: its model path, how it differs, and both values as text. */
export function DifferenceTable({ differences }: DifferenceTableProps) {
  const t = useT();
  const kindText = (d: Difference) =>
    d.kind === 'changed'
      ? t('compare.changed') + (d.sameInstant ? ` (${t('compare.sameInstant')})` : '')
      : d.kind === 'only-left'
        ? t('compare.onlyLeft')
        : t('compare.onlyRight');
  const none = t('common.none');
  return (
    // Focusable, so a keyboard can scroll a long table (axe: scrollable-region-focusable).
    <div className="compare-scroll" tabIndex={0} role="region" aria-label={t('compare.path')}>
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">{t('compare.path')}</th>
            <th scope="col">{t('compare.kind')}</th>
            <th scope="col">{t('compare.left')}</th>
            <th scope="col">{t('compare.right')}</th>
          </tr>
        </thead>
        <tbody>
          {differences.slice(0, SHOWN).map((d) => (
            <tr key={d.path} data-kind={d.kind} data-path={d.path}>
              <th scope="row" className="compare-path">
                {d.path}
              </th>
              <td className={`compare-kind compare-kind-${d.kind}`}>{kindText(d)}</td>
              <td className="compare-value">{d.left ?? none}</td>
              <td className="compare-value">{d.right ?? none}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {differences.length > SHOWN ? <p className="compare-note">+{differences.length - SHOWN}</p> : null}
    </div>
  );
}
