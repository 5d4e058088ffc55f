import type { CSSProperties, KeyboardEvent } from 'react';
import { StateBadge } from '../../components/ui/state-badge';
import { useFormatTimeValue } from '../../components/ui/use-time-format';
import { digestOf } from '../../domain/derive/digest';
import { failureKey } from '../../domain/derive/failures';
import { useT } from '../../i18n/use-i18n';
import { useAppStore } from '../../store/app-store';
import type { ListEntry } from '../../store/list-entry';
import { entryDeliveries, selectDeliveries } from '../../store/selectors';
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

/**
 * One list entry: what the callback is about (Tag and object key, or the workflow run) with its State, delivery
 * markers and failure Code; its JobId (or RunId, or the error); where it came from and its end time.
 */
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
  const formatTimeValue = useFormatTimeValue();
  const total = useAppStore((s) => entryDeliveries(entry, selectDeliveries(s)).total);
  const same = useAppStore((s) => entryDeliveries(entry, selectDeliveries(s)).same);
  const { doc, title } = entry;
  const endTime = formatTimeValue(title.endTime) ?? title.endTimeText;
  const isInvalid = doc.state === 'Invalid';
  const error = isInvalid ? doc.diagnostics.find((d) => d.severity === 'error') : undefined;
  const digest = digestOf(doc);
  const failed = digest.jobs.find((j) => failureKey(j) !== undefined) ?? digest.failure;
  const heading =
    entry.kind === 'workflow'
      ? [title.workflowName ?? t('doc.kind.workflow'), title.object]
      : entry.kind === 'unrecognised'
        ? [t('doc.kind.unrecognised')]
        : entry.kind === 'moderation'
          ? [title.eventName ?? t('doc.kind.moderation'), title.object]
          : isInvalid
            ? [t('doc.kind.invalid')]
            : [entry.tags.join(', ') || t('doc.kind.job'), title.object];
  const headingText = heading.filter(Boolean).join(' · ');
  return (
    <div
      role="option"
      id={`document-${entry.key}`}
      className="document-row"
      data-testid="document-item"
      data-state={doc.state}
      data-problem={entry.problem}
      data-verdict={entry.verdict}
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
        <span className="row-name" title={headingText}>
          {headingText}
        </span>
        {same > 1 ? (
          <span
            className="row-duplicate"
            data-testid="duplicate-marker"
            data-deliveries={same}
            title={t('list.duplicate.same', { count: same })}
          >
            <span aria-hidden="true">×{same}</span>
            <span className="visually-hidden">{t('list.duplicate.same', { count: same })}</span>
          </span>
        ) : null}
        {total > same ? (
          <span
            className="row-variant"
            data-testid="variant-marker"
            data-callbacks={total}
            title={t('list.duplicate.differ', { count: total })}
          >
            <span aria-hidden="true">≠{total}</span>
            <span className="visually-hidden">{t('list.duplicate.differ', { count: total })}</span>
          </span>
        ) : null}
        {entry.testRequest ? (
          <span
            className="row-flag row-flag-info"
            data-testid="test-request"
            title={t('moderation.testRequest.gloss')}
          >
            {t('moderation.testRequest')}
          </span>
        ) : entry.verdict !== undefined && entry.verdict !== 'normal' ? (
          <span
            className={`row-flag ${entry.verdict === 'sensitive' ? 'row-flag-danger' : 'row-flag-warning'}`}
            title={t(`moderation.verdict.gloss.${entry.verdict}`)}
          >
            {t(`moderation.verdict.${entry.verdict}`)}
          </span>
        ) : entry.problem !== undefined ? (
          <span
            className="row-flag row-flag-danger"
            title={t('problem.successBut', { problem: t(`problem.short.${entry.problem}`) })}
          >
            {t(`problem.short.${entry.problem}`)}
          </span>
        ) : null}
        <StateBadge state={doc.state} />
      </div>
      <div className="row-line">
        {error ? (
          // Only where it breaks: the message in full is in Diagnostics (or under the draft box).
          <span className="row-error">
            {error.position
              ? t('list.unreadableAt', { line: error.position.line, column: error.position.column })
              : t('state.Invalid.gloss')}
          </span>
        ) : title.id ? (
          <span className="row-id">
            <span className="row-id-label">
              {title.idKind === 'run' ? 'RunId' : title.idKind === 'trace' ? 'trace_id' : 'JobId'}
            </span>
            <span className="row-id-value" title={title.id}>
              {title.id}
            </span>
          </span>
        ) : (
          <span className="row-muted">{t('common.none')}</span>
        )}
        {failed?.code ? (
          <span className="row-code" data-code={failed.code} title={failed.message ?? failed.code}>
            {failed.code}
          </span>
        ) : null}
      </div>
      <div className="row-line row-meta">
        <span className="row-source" title={name}>
          {name}
        </span>
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
