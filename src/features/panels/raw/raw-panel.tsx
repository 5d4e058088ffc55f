import { useMemo, useState } from 'react';
import type { CallbackDocument } from '../../../domain/model';
import { LineIndex } from '../../../domain/position';
import { useT } from '../../../i18n/use-i18n';
import { PanelFrame } from '../../../components/ui/panel-frame';
import type { SourceTarget } from '../../../components/ui/source-reveal';
import { locateWirePath } from '../../../domain/source/locate-wire-path';
import { SourceView, type LineRange } from './source-view';

const RAW_DISPLAY_LIMIT = 1024 * 1024;

export type RawView = 'source' | 'model';

export interface SourceSelection extends SourceTarget {
  readonly seq: number;
  /** Marked and scrolled to inside the source box only: the page stays where it is, the focus too. */
  readonly quiet?: boolean;
}

export interface RawPanelProps {
  readonly doc: CallbackDocument;
  readonly selection?: SourceSelection;
  readonly view: RawView;
  readonly onViewChange: (view: RawView) => void;
}

interface Resolved {
  readonly range?: LineRange;
  readonly isMissing: boolean;
}

/** Where a selection falls in the document's own lines. */
function resolve(doc: CallbackDocument, selection: SourceSelection | undefined): Resolved {
  if (selection === undefined) return { isMissing: false };
  const text = doc.source.text;
  const index = new LineIndex(text);
  if (selection.line !== undefined) {
    const rel = Math.min(Math.max(1, selection.line - doc.source.start.line + 1), index.lineCount);
    return {
      range: { start: rel, end: rel, seq: selection.seq, ...(selection.quiet ? { quiet: true } : {}) },
      isMissing: false,
    };
  }
  if (selection.path !== undefined) {
    const span = locateWirePath(text, doc.format, selection.path);
    if (span === undefined) return { isMissing: true };
    const start = index.positionOf(span.start).line;
    const end = Math.max(start, index.positionOf(Math.max(span.start, span.end - 1)).line);
    return { range: { start, end, seq: selection.seq }, isMissing: !span.exact };
  }
  return { isMissing: false };
}

/** The exact source text (highlighted, numbered as in the input) and the parsed model. */
export function RawPanel({ doc, selection, view, onViewChange }: RawPanelProps) {
  const t = useT();
  const [wrap, setWrap] = useState(false);
  const resolved = useMemo(() => resolve(doc, selection), [doc, selection]);
  const modelText = useMemo(
    () => (view === 'model' && doc.model ? JSON.stringify(doc.model, null, 2) : ''),
    [view, doc.model],
  );
  const hasModel = doc.model !== undefined;
  const shown = view === 'model' && hasModel ? 'model' : 'source';

  const actions = (
    <>
      {hasModel ? (
        <span className="pn-segmented" role="group" aria-label={t('panel.raw.title')}>
          <button
            type="button"
            className="ui-button"
            aria-pressed={shown === 'source'}
            onClick={() => onViewChange('source')}
          >
            {t('raw.source')}
          </button>
          <button
            type="button"
            className="ui-button"
            aria-pressed={shown === 'model'}
            onClick={() => onViewChange('model')}
          >
            {t('ui.raw.model')}
          </button>
        </span>
      ) : null}
      <button type="button" className="ui-button" aria-pressed={wrap} onClick={() => setWrap((w) => !w)}>
        {t('raw.wrap')}
      </button>
    </>
  );

  // Laying out megabytes of one line takes the page seconds: beyond this, only the start is shown (and said so).
  const shownText =
    doc.source.text.length > RAW_DISPLAY_LIMIT
      ? doc.source.text.slice(0, RAW_DISPLAY_LIMIT)
      : doc.source.text;

  return (
    <PanelFrame name="raw" title={t('panel.raw.title')} actions={actions}>
      <p className="pn-note pn-raw-meta">
        <span className="ui-mono">{doc.format.toUpperCase()}</span> ·{' '}
        <span className="ui-num">
          {t('ui.raw.size', { chars: doc.source.text.length, line: doc.source.start.line })}
        </span>
        {shownText.length < doc.source.text.length ? (
          <span className="pn-warn-text"> · {t('ui.raw.truncated', { shown: shownText.length })}</span>
        ) : null}
        {resolved.isMissing ? (
          <span className="pn-warn-text"> · {t('ui.raw.notFound', { path: selection?.path ?? '' })}</span>
        ) : null}
      </p>
      {shown === 'source' ? (
        <SourceView
          text={shownText}
          format={doc.format}
          firstLine={doc.source.start.line}
          wrap={wrap}
          label={t('raw.source')}
          {...(resolved.range ? { highlight: resolved.range } : {})}
        />
      ) : (
        <SourceView text={modelText} format="json" firstLine={1} wrap={wrap} label={t('ui.raw.model')} />
      )}
    </PanelFrame>
  );
}
