import { useState, type ReactNode } from 'react';
import type { CategoryRow, ModerationView, SegmentRow, Verdict } from '../../../domain/derive/moderation';
import type { NumberValue } from '../../../domain/model';
import { FieldLabel } from '../../../components/ui/field-label';
import { KeyValueList, type KeyValueItem } from '../../../components/ui/key-value-list';
import { PanelFrame } from '../../../components/ui/panel-frame';
import type { Translate } from '../../../i18n/i18n';
import { useT } from '../../../i18n/use-i18n';
import './moderation.css';

export interface ModerationPanelProps {
  readonly view: ModerationView;
}

/** Segments shown before "Show all": a long video may have hundreds of snapshots. */
const FIRST_SEGMENTS = 50;

/** `5000` → `0:05.000`; a live stream's timestamp (ms since 1970) is left as a number of ms. */
export function formatOffset(value: NumberValue | undefined): string | undefined {
  const ms = value?.value;
  if (value === undefined) return undefined;
  if (ms === undefined || !Number.isFinite(ms) || ms < 0 || ms >= 1e11) return `${value.text} ms`;
  const total = Math.round(ms);
  const minutes = Math.floor(total / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const rest = total % 1000;
  return `${minutes}:${String(seconds).padStart(2, '0')}.${String(rest).padStart(3, '0')}`;
}

function VerdictBadge({ verdict, t }: { readonly verdict: Verdict | undefined; readonly t: Translate }) {
  if (verdict === undefined)
    return <span className="mod-verdict mod-verdict-none">{t('moderation.verdict.none')}</span>;
  return (
    <span className={`mod-verdict mod-verdict-${verdict}`} data-verdict={verdict}>
      {t(`moderation.verdict.${verdict}`)}
    </span>
  );
}

function hitText(row: CategoryRow, t: Translate): ReactNode {
  const flag = row.hitFlag?.value;
  if (row.hitFlag === undefined) return <span className="ui-muted">—</span>;
  const known = flag === 0 || flag === 1 || flag === 2;
  return (
    <span className={row.hit === 'sensitive' ? 'pn-bad' : row.hit === 'suspicious' ? 'mod-warn' : undefined}>
      <span className="ui-mono">{row.hitFlag.text}</span>
      {known ? <span> {t(`moderation.hit.${flag}`)}</span> : null}
    </span>
  );
}

function whereText(s: SegmentRow, t: Translate): string {
  const parts: string[] = [];
  const at = formatOffset(s.offsetMs);
  if (at !== undefined) parts.push(t('moderation.segment.at', { time: at }));
  const length = formatOffset(s.durationMs);
  if (length !== undefined) parts.push(t('moderation.segment.for', { time: length }));
  if (s.pageNumber !== undefined) parts.push(t('moderation.segment.page.n', { page: s.pageNumber.text }));
  if (s.sheetNumber !== undefined && s.sheetNumber.value !== 0)
    parts.push(t('moderation.segment.sheet.n', { sheet: s.sheetNumber.text }));
  if (s.startByte !== undefined) parts.push(t('moderation.segment.byte', { byte: s.startByte.text }));
  return parts.join(' · ');
}

function CategoryTable({ rows, t }: { readonly rows: readonly CategoryRow[]; readonly t: Translate }) {
  return (
    <div
      className="pn-scroll"
      role="region"
      aria-label={t('moderation.categories')}
      tabIndex={0}
      data-scroll-x
    >
      <table className="pn-table mod-table">
        <thead>
          <tr>
            <th scope="col">{t('moderation.category')}</th>
            <th scope="col">
              <FieldLabel name="HitFlag" />
            </th>
            <th scope="col">
              <FieldLabel name="Score" parent="PornInfo" />
            </th>
            <th scope="col">
              <FieldLabel name="Count" parent="PornInfo" />
            </th>
            <th scope="col">
              <FieldLabel name="Label" parent="PornInfo" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.key}-${i}`} data-category={row.name} data-hit={row.hit}>
              <th scope="row">
                <FieldLabel name={row.name} />
              </th>
              <td>{hitText(row, t)}</td>
              <td className="ui-num">{row.score?.text ?? <span className="ui-muted">—</span>}</td>
              <td className="ui-num">{row.count?.text ?? <span className="ui-muted">—</span>}</td>
              <td className="ui-break">
                {[row.label, row.category, row.subLabel, row.keywords.join(', ')]
                  .filter((x) => x !== undefined && x !== '')
                  .join(' · ') || <span className="ui-muted">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SegmentTable({ rows, t }: { readonly rows: readonly SegmentRow[]; readonly t: Translate }) {
  return (
    <div className="pn-scroll" role="region" aria-label={t('moderation.segments')} tabIndex={0} data-scroll-x>
      <table className="pn-table mod-table mod-segments">
        <thead>
          <tr>
            <th scope="col" className="pn-col-num">
              #
            </th>
            <th scope="col">{t('moderation.segment')}</th>
            <th scope="col">{t('moderation.segment.where')}</th>
            <th scope="col">
              <FieldLabel name="Result" parent="Snapshot" />
            </th>
            <th scope="col">
              <FieldLabel name="Label" parent="Snapshot" />
            </th>
            <th scope="col">{t('moderation.segment.hits')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={`${s.kind}-${s.index}`} data-segment={s.kind} data-verdict={s.verdict}>
              <td className="ui-num ui-muted pn-col-num" data-label="#">
                {s.index + 1}
              </td>
              <td data-label={`#${s.index + 1}`}>
                <span>{t(`moderation.segment.${s.kind}`)}</span>
              </td>
              <td className="ui-num" data-label={t('moderation.segment.where')}>
                <span>{whereText(s, t) || <span className="ui-muted">—</span>}</span>
              </td>
              <td data-label="Result">
                <VerdictBadge verdict={s.verdict} t={t} />
              </td>
              <td className="ui-break" data-label="Label">
                <span>
                  {[s.label, s.subLabel].filter((x) => x !== undefined).join(' · ') || (
                    <span className="ui-muted">—</span>
                  )}
                </span>
              </td>
              <td className="ui-break" data-label={t('moderation.segment.hits')}>
                <div>
                  {s.hits.length === 0 ? (
                    <span className="ui-muted">—</span>
                  ) : (
                    s.hits
                      .map(
                        (h) =>
                          `${h.name}${h.score ? ` ${h.score.text}` : ''}${h.label ? ` (${h.label})` : ''}`,
                      )
                      .join(', ')
                  )}
                  {s.text !== undefined ? <div className="mod-segment-text">{s.text}</div> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A content moderation callback's conclusion: the verdict first (normal, sensitive or suspicious, with label, score
 * and whether the object was frozen), then each scene's hit flag, score or count and label, then the segments
 * (snapshots, audio and text sections, pages) with where they are and their results.
 */
export function ModerationPanel({ view }: ModerationPanelProps) {
  const t = useT();
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const base = view.shape === 'simple' ? 'data' : `JobsDetail[${view.jobIndex}]`;
  const wire = (detail: string, simple: string) => (view.shape === 'simple' ? simple : detail);

  const items: KeyValueItem[] = [];
  if (view.label !== undefined)
    items.push({
      id: 'label',
      label: <FieldLabel name="Label" parent="JobsDetail" path={`${base}.Label`} />,
      value: view.label,
      mono: true,
    });
  if (view.subLabel !== undefined)
    items.push({
      id: 'subLabel',
      label: <FieldLabel name="SubLabel" path={`${base}.SubLabel`} />,
      value: view.subLabel,
      mono: true,
    });
  if (view.category !== undefined)
    items.push({
      id: 'category',
      label: <FieldLabel name="Category" parent="JobsDetail" path={`${base}.Category`} />,
      value: view.category,
      mono: true,
    });
  if (view.score !== undefined)
    items.push({
      id: 'score',
      label: <FieldLabel name="Score" parent="JobsDetail" path={`${base}.Score`} />,
      value: view.score.text,
      mono: true,
    });
  if (view.forbidState !== undefined) {
    const v = view.forbidState.value;
    items.push({
      id: 'blocked',
      label: (
        <FieldLabel
          name={wire('ForbidState', 'forbidden_status')}
          path={`${base}.${wire('ForbidState', 'forbidden_status')}`}
        />
      ),
      value: (
        <span className={view.blocked ? 'pn-bad' : undefined} data-blocked={view.blocked ? 'true' : 'false'}>
          <span className="ui-mono">{view.forbidState.text}</span>{' '}
          {view.blocked
            ? `${t('moderation.blocked')}: ${t('moderation.blocked.yes')} (${t(v === 2 ? 'moderation.blocked.moved' : 'moderation.blocked.frozen')})`
            : `${t('moderation.blocked')}: ${t('moderation.blocked.no')}`}
        </span>
      ),
    });
  }
  if (view.object !== undefined)
    items.push({
      id: 'object',
      label: <FieldLabel name="Object" path={`${base}.Object`} />,
      value: <span className="ui-break">{view.object}</span>,
      mono: true,
    });
  if (view.url !== undefined)
    items.push({
      id: 'url',
      label: <FieldLabel name={wire('Url', 'url')} path={`${base}.${wire('Url', 'url')}`} />,
      value: <span className="ui-break">{view.url}</span>,
      mono: true,
    });
  if (view.text !== undefined)
    items.push({
      id: 'text',
      label: <FieldLabel name="Text" parent="JobsDetail" />,
      value: <span className="ui-break">{view.text}</span>,
    });

  const flagged = view.segments.filter((s) => s.verdict === 'sensitive' || s.verdict === 'suspicious');
  const listed = onlyFlagged ? flagged : view.segments;
  const shown = showAll ? listed : listed.slice(0, FIRST_SEGMENTS);

  return (
    <PanelFrame name="moderation" title={t('moderation.title')}>
      <div className={`mod-head mod-head-${view.verdict ?? 'none'}`}>
        {view.isTestRequest ? (
          <p className="mod-test-request">
            <strong>{t('moderation.testRequest')}</strong> {t('moderation.testRequest.gloss')}
          </p>
        ) : (
          <p className="mod-verdict-line">
            <FieldLabel
              name={view.resultField ?? wire('Result', 'result')}
              parent="JobsDetail"
              path={`${base}.${view.resultField ?? wire('Result', 'result')}`}
            />{' '}
            <VerdictBadge verdict={view.verdict} t={t} />
            {view.resultText !== undefined ? (
              <span className="ui-mono ui-muted"> ({view.resultText})</span>
            ) : null}
            {view.verdict !== undefined ? (
              <span className="ui-muted"> {t(`moderation.verdict.gloss.${view.verdict}`)}</span>
            ) : null}
          </p>
        )}
        <KeyValueList items={items} />
      </div>

      {view.categories.length > 0 ? (
        <>
          <h4 className="mod-subhead">{t('moderation.categories')}</h4>
          <CategoryTable rows={view.categories} t={t} />
        </>
      ) : null}

      {view.segments.length > 0 ? (
        <>
          <h4 className="mod-subhead">
            {t('moderation.segments')}{' '}
            <span className="ui-muted">
              {t('moderation.segmentCount', { count: view.segments.length })} ·{' '}
              {t('moderation.segmentsFlagged', { count: flagged.length })}
            </span>
          </h4>
          {flagged.length > 0 && flagged.length < view.segments.length ? (
            <label className="mod-toggle">
              <input
                type="checkbox"
                checked={onlyFlagged}
                onChange={(e) => setOnlyFlagged(e.target.checked)}
              />{' '}
              {t('moderation.onlyFlagged')}
            </label>
          ) : null}
          <SegmentTable rows={shown} t={t} />
          {listed.length > shown.length ? (
            <button type="button" className="ui-button" onClick={() => setShowAll(true)}>
              {t('moderation.showAllSegments')}
            </button>
          ) : null}
        </>
      ) : null}
    </PanelFrame>
  );
}
