import { useState } from 'react';
import type { MeaningRow } from '../../domain/derive/compare-documents';
import { useT } from '../../i18n/use-i18n';
import { rowLabel } from './row-label';
import './compare.css';

export interface MeaningTableProps {
  readonly rows: readonly MeaningRow[];
}

/** Rows of the same kind under one heading: what differs, what follows from it, what one side alone has, the same. */
function sections(rows: readonly MeaningRow[]) {
  const differ = rows.filter((r) => r.kind === 'changed' && r.counts);
  const follow = rows.filter((r) => r.kind === 'changed' && !r.counts);
  const oneSide = rows.filter((r) => r.kind === 'only-left' || r.kind === 'only-right');
  const same = rows.filter((r) => r.kind === 'same');
  return { differ, follow, oneSide, same };
}

/** The comparison by meaning: one row per fact, labelled in words (the wire name on hover), both values as text. */
export function MeaningTable({ rows }: MeaningTableProps) {
  const t = useT();
  const { differ, follow, oneSide, same } = sections(rows);
  // The rows that are the same are many and rarely read: rendered when opened.
  const [showSame, setShowSame] = useState(false);
  const none = t('common.none');
  const body = (list: readonly MeaningRow[]) =>
    list.map((r) => (
      <tr
        key={r.key}
        data-key={r.key}
        data-kind={r.kind}
        data-counts={r.counts ? 'true' : 'false'}
        className={`compare-row compare-row-${r.kind}${r.counts ? ' compare-row-counts' : ''}`}
      >
        <th scope="row" title={r.wire} data-wire={r.wire}>
          {rowLabel(r.label, t)}
        </th>
        <td className="compare-value">{r.left ?? none}</td>
        <td className="compare-value">
          {r.right ?? none}
          {r.sameInstant ? <span className="compare-note-inline">{t('compare.sameInstant')}</span> : null}
        </td>
      </tr>
    ));
  const head = (text: string) => (
    <tr className="compare-section">
      <th scope="rowgroup" colSpan={3}>
        {text}
      </th>
    </tr>
  );
  return (
    <div
      className="compare-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('compare.field')}
      data-scroll-x=""
    >
      {differ.length + follow.length + oneSide.length === 0 ? null : (
        <table className="compare-table compare-meaning" data-testid="compare-meaning">
          <thead>
            <tr>
              <th scope="col">{t('compare.field')}</th>
              <th scope="col">{t('compare.left')}</th>
              <th scope="col">{t('compare.right')}</th>
            </tr>
          </thead>
          {differ.length > 0 ? <tbody>{body(differ)}</tbody> : null}
          {follow.length > 0 ? (
            <tbody>
              {head(t('compare.rowsDerived'))}
              {body(follow)}
            </tbody>
          ) : null}
          {oneSide.length > 0 ? (
            <tbody>
              {head(t('compare.rowsOneSide'))}
              {body(oneSide)}
            </tbody>
          ) : null}
        </table>
      )}
      {same.length > 0 ? (
        <details className="compare-same" onToggle={(e) => setShowSame(e.currentTarget.open)}>
          <summary>{t('compare.rowsSame', { count: same.length })}</summary>
          <table className="compare-table compare-meaning">
            <tbody>{showSame ? body(same) : null}</tbody>
          </table>
        </details>
      ) : null}
    </div>
  );
}
