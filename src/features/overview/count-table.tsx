import './overview.css';

export interface CountTableProps {
  readonly caption: string;
  readonly keyHeader: string;
  readonly countHeader: string;
  readonly counts: ReadonlyMap<string, number>;
  readonly testId: string;
}

/** Counts per value (State, Tag), largest first, with a bar drawn from the numbers. */
export function CountTable({ caption, keyHeader, countHeader, counts, testId }: CountTableProps) {
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const max = Math.max(1, ...rows.map(([, n]) => n));
  return (
    <div className="overview-card">
      <table className="overview-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col">{countHeader}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, n]) => (
            <tr key={key} data-key={key}>
              <th scope="row" className="overview-key">
                {key}
              </th>
              <td className="overview-count">
                <span className="overview-bar" style={{ width: `${(n / max) * 100}%` }} aria-hidden="true" />
                <span className="overview-number">{n}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
