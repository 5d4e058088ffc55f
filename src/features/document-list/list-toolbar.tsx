import { useId } from 'react';
import { parseTypedTime } from '../../domain/derive/typed-time';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import { selectEntries, selectStateOptions, selectTagOptions, setOffsetMinutes } from '../../store/selectors';
import type { ListFacet } from '../../store/view-slice';
import type { Translate } from '../../i18n/i18n';
import { formatOffset } from '../../domain/derive/format-time';
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
  const facet = useAppStore((s) => s.facet);
  const mode = useAppStore((s) => s.timeZone);
  const setOffset = useAppStore((s) => setOffsetMinutes(selectEntries(s)));
  const { setFilterText, setStateFilter, setTagFilter, setSort, setTimeWindow, setFacet, clearFilters } =
    useAppStore.getState();
  const isFiltered =
    filterText !== '' ||
    stateFilter !== '' ||
    tagFilter !== '' ||
    timeFrom !== '' ||
    timeTo !== '' ||
    facet !== undefined;
  const zone =
    mode === 'utc' ? 'UTC' : mode === 'local' ? t('time.zone.local') : formatOffset(setOffset ?? 480);
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
          data-testid="list-filter"
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
      {facet ? (
        <p className="list-facet" data-testid="list-facet">
          <span className="ui-muted">{t('list.facet.label')}</span> <strong>{facetLabel(facet, t)}</strong>
          <button type="button" className="link-button" onClick={() => setFacet(undefined)}>
            {t('list.facet.clear')}
          </button>
        </p>
      ) : null}
      {/* Collapsed by default: the time window's fields are two tab stops, and only when opened. */}
      <details className="list-more" open={timeFrom !== '' || timeTo !== '' ? true : undefined}>
        <summary>{t('list.filter.more')}</summary>
        <div className="list-more-body">
          <TimeField
            id={`${id}-from`}
            label={t('list.filter.from')}
            testId="filter-time-from"
            value={timeFrom}
            invalid={parseTypedTime(timeFrom, mode, setOffset) === null}
            hintId={`${id}-time-hint`}
            onChange={(value) => setTimeWindow(value, timeTo)}
          />
          <TimeField
            id={`${id}-to`}
            label={t('list.filter.to')}
            testId="filter-time-to"
            value={timeTo}
            invalid={parseTypedTime(timeTo, mode, setOffset, true) === null}
            hintId={`${id}-time-hint`}
            onChange={(value) => setTimeWindow(timeFrom, value)}
          />
          <p id={`${id}-time-hint`} className="list-more-hint">
            {t('list.filter.timeHint', { zone })}
          </p>
        </div>
      </details>
    </div>
  );
}

/** What an overview figure narrowed the list to, in words. */
export function facetLabel(facet: ListFacet, t: Translate): string {
  switch (facet.kind) {
    case 'code':
      return facet.value === '' ? t('list.facet.noCode') : t('list.facet.code', { code: facet.value });
    case 'failed':
      return t('list.facet.failed');
    case 'duplicates':
      return t('list.facet.duplicates');
    case 'variants':
      return t('list.facet.variants');
    case 'docKind':
      return t(`list.facet.kind.${facet.value}`);
    case 'runs':
      return t(`list.facet.runs.${facet.value}`);
    case 'verdict':
      return t('list.facet.verdict', { verdict: facet.value });
    case 'testRequest':
      return t('list.facet.testRequest');
  }
}

interface TimeFieldProps {
  readonly id: string;
  readonly label: string;
  readonly testId: string;
  readonly value: string;
  readonly invalid: boolean;
  readonly hintId: string;
  readonly onChange: (value: string) => void;
}

/**
 * One end of the time window on the end time, typed as text (`2022-07-18 15:00`): one tab stop, where a
 * `datetime-local` input has one per part of the date.
 */
function TimeField({ id, label, testId, value, invalid, hintId, onChange }: TimeFieldProps) {
  return (
    <div className="toolbar-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        className="input"
        data-testid={testId}
        placeholder="2022-07-18 15:00"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={hintId}
        size={22}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
