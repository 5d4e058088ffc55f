import { useCallback, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { isSingleColumn, requestDetailFocus } from '../../components/ui/detail-focus';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import type { ListEntry } from '../../store/list-entry';
import { selectDocumentCount, selectSelectedEntry, selectVisibleEntries } from '../../store/selectors';
import { removeEntries } from '../../store/removal';
import { DocumentListbox } from './document-listbox';
import { entryName } from '../../store/entry-name';
import { ListActions } from './list-actions';
import { ListToolbar } from './list-toolbar';
import './document-list.css';

export interface DocumentListProps {
  /** A loaded sample's readable name (the sample catalog belongs to the loading feature). */
  readonly sampleLabel: (sampleId: string) => string;
  /** Shown when nothing is loaded: a way to load a first callback. */
  readonly emptyAction?: ReactNode;
}

/** Every loaded document, filtered and sorted; selecting one shows its panels. */
export function DocumentList({ sampleLabel, emptyAction }: DocumentListProps) {
  const t = useT();
  const total = useAppStore(selectDocumentCount);
  const entries = useAppStore(selectVisibleEntries);
  const selectedKey = useAppStore((s) => s.selectedKey);
  // Found by identity, once per list: a search by key read every entry's key on each render (100,000 of them).
  const selected = useAppStore(selectSelectedEntry);
  const selectedIndex = useMemo(() => (selected ? entries.indexOf(selected) : -1), [entries, selected]);
  const selectDocument = useAppStore((s) => s.selectDocument);
  const nameOf = useCallback((entry: ListEntry) => entryName(entry, t, sampleLabel), [t, sampleLabel]);
  const removeAt = useCallback(
    (index: number) => {
      const entry = entries[index];
      if (entry) removeEntries([entry.key], (entries[index + 1] ?? entries[index - 1])?.key);
    },
    [entries],
  );
  // On a phone the filters start folded (they pushed the list and the detail ~250 px down), and a row tapped
  // brings its detail, below the list, into view.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const onRowClick = (event: MouseEvent) => {
    if (isSingleColumn() && (event.target as Element).closest('[role="option"]')) requestDetailFocus();
  };
  return (
    <section className="document-list" aria-labelledby="document-list-title">
      <div className="list-head">
        <h2 id="document-list-title" className="list-title">
          {t('list.title')}
        </h2>
        <span className="list-count" title={t('list.count')}>
          <span className="visually-hidden">{t('list.count')}: </span>
          <span data-testid="document-count">{total}</span>
        </span>
        {total > 0 ? <ListActions entries={entries} total={total} selectedIndex={selectedIndex} /> : null}
      </div>
      {total > 0 ? (
        <div className="list-filters" data-open={filtersOpen}>
          <button
            type="button"
            className="button list-filters-toggle"
            aria-expanded={filtersOpen}
            onClick={() => setFiltersOpen((open) => !open)}
          >
            {t('list.filters')}
            <span aria-hidden="true" className="button-caret">
              {filtersOpen ? '▴' : '▾'}
            </span>
          </button>
          <div className="list-filters-body">
            <ListToolbar />
          </div>
        </div>
      ) : null}
      {total > 0 ? (
        <p className="list-shown" aria-live="polite">
          <span data-testid="shown-count">{entries.length}</span> {t('list.shown.of', { total })}
        </p>
      ) : null}
      <div className="list-body" data-testid="document-list" onClick={onRowClick}>
        {entries.length > 0 ? (
          <DocumentListbox
            entries={entries}
            selectedKey={selectedKey}
            selectedIndex={selectedIndex}
            label={t('list.title')}
            nameOf={nameOf}
            onSelect={selectDocument}
            onRemove={removeAt}
          />
        ) : total === 0 ? (
          <div className="list-empty">
            <p>{t('list.empty')}</p>
            {emptyAction}
          </div>
        ) : (
          <p className="list-empty">{t('list.noMatch')}</p>
        )}
      </div>
    </section>
  );
}
