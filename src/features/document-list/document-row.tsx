import type { CSSProperties, KeyboardEvent } from 'react';
import { StateBadge } from '../../components/ui/state-badge';
import { localize } from '../../i18n/i18n';
import { useLang, useT } from '../../i18n/use-i18n';
import { useFormatTimeValue } from '../../components/ui/use-time-format';
import type { ListEntry } from '../../store/list-entry';
import './document-list.css';

export interface DocumentRowProps {
  readonly entry: ListEntry;
  readonly name: string;
  readonly index: number;
  readonly setSize: number;
  readonly isSelected: boolean;
  /** The one row reachable with Tab (roving tabindex). */
  readonly isTabStop: boolean;
  readonly style: CSSProperties;
  readonly onSelect: (entry: ListEntry) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>, index: number) => void;
}

/** One list entry: name, State badge, JobId (or RunId, or the error), Tag and end time. */
export function DocumentRow({
  entry,
  name,
  index,
  setSize,
  isSelected,
  isTabStop,
  style,
  onSelect,
  onKeyDown,
}: DocumentRowProps) {
  const t = useT();
  const [lang] = useLang();
  const formatTimeValue = useFormatTimeValue();
  const { doc, title } = entry;
  const endTime = formatTimeValue(title.endTime) ?? title.endTimeText;
  const isInvalid = doc.state === 'Invalid';
  const error = isInvalid ? doc.diagnostics.find((d) => d.severity === 'error') : undefined;
  const kind =
    entry.kind === 'workflow'
      ? t('doc.kind.workflow')
      : entry.kind === 'unrecognised'
        ? t('doc.kind.unrecognised')
        : isInvalid
          ? t('doc.kind.invalid')
          : undefined;
  const tag = entry.tags.join(', ') || title.workflowName || kind;
  return (
    <div
      role="option"
      id={`document-${entry.key}`}
      className="document-row"
      data-testid="document-item"
      data-state={doc.state}
      data-index={index}
      aria-selected={isSelected}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      tabIndex={isTabStop ? 0 : -1}
      style={style}
      onClick={() => onSelect(entry)}
      onKeyDown={(e) => onKeyDown(e, index)}
    >
      <div className="row-line">
        <span className="row-name" title={name}>
          {name}
        </span>
        {entry.isDuplicate ? (
          <span className="row-duplicate" data-testid="duplicate-marker" title={t('list.duplicate')}>
            <span aria-hidden="true">×2</span>
            <span className="visually-hidden">{t('list.duplicate')}</span>
          </span>
        ) : null}
        <StateBadge state={doc.state} />
      </div>
      <div className="row-line">
        {error ? (
          <span className="row-error" title={localize(error.message, lang)}>
            {localize(error.message, lang)}
          </span>
        ) : title.id ? (
          <span className="row-id">
            <span className="row-id-label">{title.idKind === 'run' ? 'RunId' : 'JobId'}</span>
            <span className="row-id-value" title={title.id}>
              {title.id}
            </span>
          </span>
        ) : (
          <span className="row-muted">{t('common.none')}</span>
        )}
      </div>
      <div className="row-line row-meta">
        <span className="row-tag">{tag ?? t('common.none')}</span>
        {endTime ? (
          <span className="row-time" title={title.endTimeText}>
            <span className="visually-hidden">{t('list.endTime')} </span>
            {endTime}
          </span>
        ) : null}
      </div>
    </div>
  );
}
