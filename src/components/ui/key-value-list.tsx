import type { ReactNode } from 'react';
import './ui.css';

export interface KeyValueItem {
  /** React key, unique within the list. */
  readonly id: string;
  /** Usually a `FieldLabel` with the Tencent node name. */
  readonly label: ReactNode;
  readonly value: ReactNode;
  /** Ids, keys and numbers read best in a monospace font. */
  readonly mono?: boolean;
}

export interface KeyValueListProps {
  readonly items: readonly KeyValueItem[];
  readonly className?: string;
}

/** Name/value rows as a description list; rows without a value are the caller's to leave out. */
export function KeyValueList({ items, className }: KeyValueListProps) {
  if (items.length === 0) return null;
  return (
    <dl className={className ? `ui-kv ${className}` : 'ui-kv'}>
      {items.map((item) => (
        <div className="ui-kv-row" key={item.id}>
          <dt>{item.label}</dt>
          <dd className={item.mono ? 'ui-mono' : undefined}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
