import { memo, useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { compareDocuments } from '../../domain/derive/compare-documents';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import type { ListEntry } from '../../store/list-entry';
import { selectEntryByKey, selectVisibleEntries } from '../../store/selectors';
import { DifferenceTable } from './difference-table';
import './compare.css';

/** A select of thousands of options costs every list update dearly: it offers the list's first 100, and the filter finds others. */
const MAX_CHOICES = 100;

export interface ComparePanelProps {
  readonly entry: ListEntry;
  readonly nameOf: (entry: ListEntry) => string;
}

/** The list's first `MAX_CHOICES` entries but `key`, in the list's order. */
function firstChoices(visible: readonly ListEntry[], key: string): readonly ListEntry[] {
  const choices: ListEntry[] = [];
  for (const e of visible) {
    if (choices.length === MAX_CHOICES) break;
    if (e.key !== key) choices.push(e);
  }
  return choices;
}

/**
 * "Compare with…": the selected callback against another, field by field by model path. Memoised, and its
 * choices kept while the list's first entries are the same: a large load only appends to the list, and the panel
 * re-rendered its options at every batch.
 */
export const ComparePanel = memo(function ComparePanel({ entry, nameOf }: ComparePanelProps) {
  const t = useT();
  const id = useId();
  const choices = useAppStore(useShallow((s) => firstChoices(selectVisibleEntries(s), entry.key)));
  const isCapped = useAppStore((s) => selectVisibleEntries(s).length - 1 > MAX_CHOICES);
  const compareKey = useAppStore((s) => s.compareKey);
  const other = useAppStore((s) => selectEntryByKey(s, s.compareKey));
  const setCompareKey = useAppStore((s) => s.setCompareKey);
  const comparison = useMemo(
    () => (other && other.key !== entry.key ? compareDocuments(entry.doc, other.doc) : undefined),
    [entry, other],
  );
  const hasOtherChoice = other && other.key !== entry.key && !choices.includes(other);
  // An unreadable callback has no meaning to compare: the picker stays in its place, disabled, saying why.
  const unreadable = entry.doc.state === 'Invalid';
  return (
    <section className="compare" data-testid="compare" aria-labelledby={`${id}-label`}>
      <div className="compare-picker">
        <label id={`${id}-label`} htmlFor={`${id}-select`}>
          {t('compare.label')}
        </label>
        <select
          id={`${id}-select`}
          className="select"
          data-testid="compare-select"
          value={!unreadable && other && other.key !== entry.key ? other.key : ''}
          disabled={unreadable}
          aria-describedby={unreadable ? `${id}-why` : undefined}
          onChange={(e) => setCompareKey(e.target.value || undefined)}
        >
          <option value="">{t('compare.choose')}</option>
          {hasOtherChoice ? <option value={other.key}>{nameOf(other)}</option> : null}
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {nameOf(c)}
              {c.title.id ? ` · ${c.title.id}` : ''}
            </option>
          ))}
        </select>
        {unreadable ? (
          <span id={`${id}-why`} className="compare-note">
            {t('compare.unreadable')}
          </span>
        ) : null}
        {!unreadable && compareKey !== undefined && comparison ? (
          <button type="button" className="button button-small" onClick={() => setCompareKey(undefined)}>
            {t('compare.close')}
          </button>
        ) : null}
      </div>
      {isCapped ? <p className="compare-note">{t('compare.capped', { count: MAX_CHOICES })}</p> : null}
      {!unreadable && other && comparison ? (
        <div className="compare-result" data-testid="compare-result" data-equal={comparison.equal}>
          <h3 className="compare-title">{t('compare.title', { name: nameOf(other) })}</h3>
          <p className="compare-verdict" role="status">
            {comparison.equal
              ? t('compare.equal', { count: comparison.compared })
              : t('compare.differences', {
                  count: comparison.differences.length,
                  compared: comparison.compared,
                })}
          </p>
          {comparison.differences.length > 0 ? (
            <DifferenceTable differences={comparison.differences} />
          ) : null}
        </div>
      ) : null}
    </section>
  );
});
