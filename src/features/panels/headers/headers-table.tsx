import type { HeaderLocation, HeaderRow } from '../../../domain/derive/cos-headers';
import { useT } from '../../../i18n/use-i18n';
import { FieldLabel } from '../../../components/ui/field-label';
import { headerExplanationKey } from './header-explanation-key';

export interface HeadersTableProps {
  readonly rows: readonly HeaderRow[];
  /** Wire path of the CosHeaders list for each location, e.g. `JobsDetail[0].Input.CosHeaders`. */
  readonly paths: Partial<Readonly<Record<HeaderLocation, string>>>;
  readonly label: string;
}

/** COS headers as Key/Value rows in source order, duplicates kept, sizes readable, known headers explained. */
export function HeadersTable({ rows, paths, label }: HeadersTableProps) {
  const t = useT();
  const seen = new Map<HeaderLocation, number>();
  return (
    <div className="pn-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="pn-table pn-headers">
        <thead>
          <tr>
            <th scope="col" className="pn-col-num">
              #
            </th>
            <th scope="col">
              <FieldLabel name="Key" parent="CosHeaders" />
            </th>
            <th scope="col">
              <FieldLabel name="Value" parent="CosHeaders" />
            </th>
            <th scope="col" className="pn-col-meaning">
              {t('headers.meaning')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const n = seen.get(row.where) ?? 0;
            seen.set(row.where, n + 1);
            const base = paths[row.where];
            const explanation = headerExplanationKey(row.explanationKey);
            return (
              <tr key={row.index} data-header-key={row.key}>
                <td className="ui-num ui-muted pn-col-num">{row.index + 1}</td>
                <th scope="row" className="ui-mono pn-header-key">
                  {base === undefined ? (
                    row.key
                  ) : (
                    <FieldLabel name={row.key || '—'} path={`${base}[${n}]`} variant="data" />
                  )}
                </th>
                <td className="ui-mono ui-break pn-header-value">
                  {row.value}
                  {row.humanSize !== undefined ? <span className="ui-muted"> ({row.humanSize})</span> : null}
                  {explanation === undefined ? null : (
                    <span className="pn-header-meaning-inline">{t(explanation)}</span>
                  )}
                </td>
                <td className="pn-header-meaning">
                  {explanation === undefined ? <span className="ui-muted">—</span> : t(explanation)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
