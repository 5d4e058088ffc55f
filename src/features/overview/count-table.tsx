import './overview.css';

export interface CountTableProps {
  readonly caption: string;
  readonly keyHeader: string;
  readonly countHeader: string;
  readonly counts: ReadonlyMap<string, number>;
  readonly testId: string;
  /** Shows the callbacks behind a row in the list. */
  readonly onPick?: (key: string) => void;
  readonly pickLabel?: (key: string, count: number) => string;
  /** A row's shown name (the key itself by default). */
  readonly nameOf?: (key: string) => string;
}

/** Counts per value (State, Tag, kind), largest first, with a bar drawn from the numbers; a row is a way into the list. */
export function CountTable({
  caption,
  keyHeader,
  countHeader,
  counts,
  testId,
  onPick,
  pickLabel,
  nameOf,
}: CountTableProps) {
  const rows = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const max = Math.max(1, ...rows.map(([, n]) => n));
  // The numbers get a column of their own as wide as the largest, so a bar never runs under one.
  const digits = String(max).length;
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
            <tr key={key} data-key={key} data-count={n}>
              <th scope="row" className="overview-key">
                {onPick ? (
                  <button
                    type="button"
                    className="link-button overview-pick"
                    title={pickLabel?.(key, n)}
                    onClick={() => onPick(key)}
                  >
                    {nameOf?.(key) ?? key}
                  </button>
                ) : (
                  (nameOf?.(key) ?? key)
                )}
              </th>
              <td className="overview-count">
                <div className="overview-count-cell">
                  <span className="overview-number" style={{ minWidth: `${digits}ch` }}>
                    {n}
                  </span>
                  <span className="overview-bar-track" aria-hidden="true">
                    <span className="overview-bar" style={{ width: `${(n / max) * 100}%` }} />
                  </span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
