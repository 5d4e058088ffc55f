import { memo, useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { compareDocuments, compareModels } from '../../domain/derive/compare-documents';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import type { ListEntry } from '../../store/list-entry';
import { selectEntryByKey, selectVisibleEntries } from '../../store/selectors';
import { DifferenceTable } from './difference-table';
import { useSourcesRead } from '../../store/use-sources-read';
import { ImageCompareSet } from './image-compare-set';
import { MeaningTable } from './meaning-table';
import { rowLabel } from './row-label';
import './compare.css';

/** A select of thousands of options costs every list update dearly: it offers the list's first 100, and the filter finds others. */
const MAX_CHOICES = 100;

export interface ComparePanelProps {
  readonly entry: ListEntry;
  readonly nameOf: (entry: ListEntry) => string;
}

/** Labels the verdict names before it says "…". */
const VERDICT_LABELS = 4;

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
 * "Compare with…": the selected callback against another by meaning (the panels' views: two wire shapes or
 * formats of one result are the same result), the raw model-path diff as a detail; and image callbacks side by
 * side. Memoised, and its
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
  // The other callback may still be in its file (a large log): read before it is compared.
  const otherDoc = other?.doc;
  const otherDocs = useMemo(() => (otherDoc ? [otherDoc] : []), [otherDoc]);
  const isOtherRead = useSourcesRead(otherDocs) === 'read';
  const comparison = useMemo(
    () =>
      other && other.key !== entry.key && isOtherRead ? compareDocuments(entry.doc, other.doc) : undefined,
    [entry, other, isOtherRead],
  );
  const [showRaw, setShowRaw] = useState(false);
  const raw = useMemo(
    () =>
      showRaw && other && other.key !== entry.key && isOtherRead
        ? compareModels(entry.doc, other.doc)
        : undefined,
    [showRaw, entry, other, isOtherRead],
  );
  const counted = comparison ? comparison.rows.filter((r) => r.counts) : [];
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
        <div
          className="compare-result"
          data-testid="compare-result"
          data-equal={comparison.equal}
          data-differences={comparison.differenceCount}
        >
          <h3 className="compare-title">{t('compare.title', { name: nameOf(other) })}</h3>
          <p className={`compare-verdict${comparison.equal ? ' compare-verdict-same' : ''}`} role="status">
            {comparison.equal
              ? t('compare.same')
              : t('compare.differencesList', {
                  count: comparison.differenceCount,
                  list:
                    counted
                      .slice(0, VERDICT_LABELS)
                      .map((r) => rowLabel(r.label, t))
                      .join(t('compare.listSeparator')) +
                    (counted.length > VERDICT_LABELS ? `${t('compare.listSeparator')}…` : ''),
                })}
          </p>
          {comparison.equal ? (
            <p className="compare-note">{t('compare.sameDetail', { count: comparison.compared })}</p>
          ) : null}
          <MeaningTable rows={comparison.rows} />
          <details className="compare-raw" onToggle={(e) => setShowRaw(e.currentTarget.open)}>
            <summary>
              {t('compare.raw')}
              {raw ? ` · ${t('compare.rawCount', { count: raw.differences.length })}` : ''}
            </summary>
            {raw && raw.differences.length > 0 ? <DifferenceTable differences={raw.differences} /> : null}
          </details>
        </div>
      ) : null}
      <ImageCompareSet entry={entry} choices={choices} nameOf={nameOf} />
    </section>
  );
});
