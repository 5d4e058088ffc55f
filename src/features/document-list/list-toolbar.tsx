import { useDeferredValue, useId } from 'react';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { selectStateOptions, selectTagOptions } from '../../store/selectors';
import type { SortField } from '../../store/view-slice';
import './document-list.css';

const SORT_FIELDS: readonly (readonly [
  SortField,
  'list.sort.loadOrder' | 'list.sort.endTime' | 'list.sort.runTime' | 'list.sort.state',
])[] = [
  ['load', 'list.sort.loadOrder'],
  ['endTime', 'list.sort.endTime'],
  ['runTime', 'list.sort.runTime'],
  ['state', 'list.sort.state'],
];

function isSortField(value: string): value is SortField {
  return SORT_FIELDS.some(([field]) => field === value);
}

/** Filter by text, State and Tag (choices built from what is loaded), and sort. */
export function ListToolbar() {
  const t = useT();
  const id = useId();
  const filterText = useAppStore((s) => s.filterText);
  const stateFilter = useAppStore((s) => s.stateFilter);
  const tagFilter = useAppStore((s) => s.tagFilter);
  const sort = useAppStore((s) => s.sort);
  const timeFrom = useAppStore((s) => s.timeFrom);
  const timeTo = useAppStore((s) => s.timeTo);
  const states = useAppStore(selectStateOptions);
  const tags = useAppStore(selectTagOptions);
  const { setFilterText, setStateFilter, setTagFilter, setSort, setTimeWindow, clearFilters } =
    useAppStore.getState();
  // The two date-time inputs take tens of ms to create (each builds its editing fields): they mount in a deferred
  // render of their own, not in the commit that shows a large load's first rows.
  const showTimeInputs = useDeferredValue(true, false);
  const isFiltered =
    filterText !== '' || stateFilter !== '' || tagFilter !== '' || timeFrom !== '' || timeTo !== '';
  // A filter value no longer loaded still shows as chosen, so the person sees why the list is empty.
  const stateChoices = stateFilter && !states.includes(stateFilter) ? [...states, stateFilter] : states;
  const tagChoices = tagFilter && !tags.includes(tagFilter) ? [...tags, tagFilter] : tags;
  return (
    <div className="list-toolbar">
      <div className="toolbar-field toolbar-search">
        <label htmlFor={`${id}-text`} className="visually-hidden">
          {t('list.filter.label')}
        </label>
        <input
          id={`${id}-text`}
          type="search"
          className="input"
          value={filterText}
          placeholder={t('list.filter.placeholder')}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setFilterText(e.target.value)}
        />
      </div>
      <div className="toolbar-field">
        <label htmlFor={`${id}-state`}>{t('list.filter.state')}</label>
        <select
          id={`${id}-state`}
          className="select"
          value={stateFilter}
          onChange={(e) => setStateFilter(e.target.value)}
        >
          <option value="">{t('list.filter.all')}</option>
          {stateChoices.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar-field">
        <label htmlFor={`${id}-tag`}>{t('list.filter.tag')}</label>
        <select
          id={`${id}-tag`}
          className="select"
          value={tagFilter}
          onChange={(e) => setTagFilter(e.target.value)}
        >
          <option value="">{t('list.filter.all')}</option>
          {tagChoices.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      {showTimeInputs ? (
        <>
          <TimeField
            id={`${id}-from`}
            label={t('list.filter.from')}
            testId="filter-time-from"
            value={timeFrom}
            onChange={(value) => setTimeWindow(value, timeTo)}
          />
          <TimeField
            id={`${id}-to`}
            label={t('list.filter.to')}
            testId="filter-time-to"
            value={timeTo}
            onChange={(value) => setTimeWindow(timeFrom, value)}
          />
        </>
      ) : null}
      <div className="toolbar-field">
        <label htmlFor={`${id}-sort`}>{t('list.sort.label')}</label>
        <select
          id={`${id}-sort`}
          className="select"
          value={sort.field}
          onChange={(e) => {
            const field = e.target.value;
            if (isSortField(field)) setSort({ ...sort, field });
          }}
        >
          {SORT_FIELDS.map(([field, key]) => (
            <option key={field} value={field}>
              {t(key)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small"
          aria-label={t(sort.direction === 'asc' ? 'list.sort.ascending' : 'list.sort.descending')}
          title={t(sort.direction === 'asc' ? 'list.sort.ascending' : 'list.sort.descending')}
          onClick={() => setSort({ ...sort, direction: sort.direction === 'asc' ? 'desc' : 'asc' })}
        >
          <span aria-hidden="true">{sort.direction === 'asc' ? '↑' : '↓'}</span>
        </button>
      </div>
      {isFiltered ? (
        <button type="button" className="link-button" onClick={clearFilters}>
          {t('list.filter.clear')}
        </button>
      ) : null}
    </div>
  );
}

interface TimeFieldProps {
  readonly id: string;
  readonly label: string;
  readonly testId: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** One end of the time window on the end time, to the second. */
function TimeField({ id, label, testId, value, onChange }: TimeFieldProps) {
  return (
    <div className="toolbar-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="datetime-local"
        step={1}
        className="input"
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
