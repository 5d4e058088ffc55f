import { useId, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n/use-i18n';

export interface FindBarProps {
  readonly query: string;
  readonly onQueryChange: (query: string) => void;
  /** Matches found (at most the find limit) and whether there were more. */
  readonly count: number;
  readonly capped: boolean;
  /** Index of the current match, -1 for none. */
  readonly current: number;
  readonly onStep: (direction: 1 | -1) => void;
}

/** "Find in source": a search field, previous / next, and "n of m" (announced politely). */
export function FindBar({ query, onQueryChange, count, capped, current, onStep }: FindBarProps) {
  const t = useT();
  const id = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    onStep(event.shiftKey ? -1 : 1);
  };
  const status =
    query === ''
      ? ''
      : count === 0
        ? t('raw.find.none')
        : t(capped ? 'raw.find.statusCapped' : 'raw.find.status', { current: current + 1, total: count });
  return (
    <div className="raw-find" role="search" aria-label={t('raw.find.label')}>
      <label htmlFor={`${id}-q`} className="raw-find-label">
        {t('raw.find.label')}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        className="input raw-find-input"
        data-testid="raw-find"
        value={query}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={`${id}-hint ${id}-status`}
        onChange={(e) => onQueryChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="ui-button"
        aria-label={t('raw.find.previous')}
        title={t('raw.find.previous')}
        disabled={count === 0}
        onClick={() => onStep(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="ui-button"
        aria-label={t('raw.find.next')}
        title={t('raw.find.next')}
        disabled={count === 0}
        onClick={() => onStep(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <span id={`${id}-status`} className="raw-find-status" role="status" data-testid="raw-find-status">
        {status}
      </span>
      <span id={`${id}-hint`} className="visually-hidden">
        {t('raw.find.hint')}
      </span>
    </div>
  );
}
