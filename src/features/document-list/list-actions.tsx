import { useT } from '../../i18n/use-i18n';
import type { ListEntry } from '../../store/list-entry';
import { removeEntries } from '../../store/removal';
import './document-list.css';

export interface ListActionsProps {
  /** The entries the list shows (filtered and sorted). */
  readonly entries: readonly ListEntry[];
  readonly total: number;
  /** Where the selected entry is in `entries` (-1: not shown). */
  readonly selectedIndex: number;
}

/**
 * Removing callbacks, undoably (the notice offers Undo): the selected one (the Delete key on a row does the same),
 * and, while the filters hide some, every one shown. Buttons here, not in the rows: a button inside a
 * `role="option"` fails accessibility checks.
 */
export function ListActions({ entries, total, selectedIndex: at }: ListActionsProps) {
  const t = useT();
  const isFiltered = entries.length < total;
  return (
    <div className="list-actions">
      <button
        type="button"
        className="button button-small"
        data-testid="remove-selected"
        title={t('list.remove.hint')}
        disabled={at < 0}
        onClick={() => {
          const entry = entries[at];
          if (entry) removeEntries([entry.key], (entries[at + 1] ?? entries[at - 1])?.key);
        }}
      >
        {t('list.remove')}
      </button>
      {isFiltered && entries.length > 0 ? (
        <button
          type="button"
          className="button button-small"
          data-testid="remove-shown"
          title={t('list.removeShown.hint')}
          onClick={() => removeEntries(entries.map((e) => e.key))}
        >
          {t('list.removeShown', { count: entries.length })}
        </button>
      ) : null}
    </div>
  );
}
