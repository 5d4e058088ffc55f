import { useCallback, useMemo, useState } from 'react';
import type { CallbackDocument } from '../../../domain/model';
import { LineIndex } from '../../../domain/position';
import { useT } from '../../../i18n/use-i18n';
import { PanelFrame } from '../../../components/ui/panel-frame';
import { useRevealSource, type SourceTarget } from '../../../components/ui/source-reveal';
import { findInText, stepMatch } from '../../../domain/source/find-in-text';
import { locateWirePath } from '../../../domain/source/locate-wire-path';
import { buildSourceTree } from '../../../domain/source/source-tree';
import { CopySourceButton } from './copy-source-button';
import { FindBar } from './find-bar';
import { SourceTreeView } from './source-tree-view';
import { SourceView, type LineRange } from './source-view';
import './raw.css';

const RAW_DISPLAY_LIMIT = 1024 * 1024;

/** The source text, the source's own tree, or the app's model (labelled as such: it is not the source). */
export type RawView = 'source' | 'tree' | 'model';

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

/**
 * The exact source text (highlighted, numbered as in the input, with find and copy), the source's own tree, and
 * the app's model, labelled as the app's.
 */
export function RawPanel({ doc, selection, view, onViewChange }: RawPanelProps) {
  const t = useT();
  const reveal = useRevealSource();
  const [wrap, setWrap] = useState(false);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const resolved = useMemo(() => resolve(doc, selection), [doc, selection]);
  const hasModel = doc.model !== undefined;
  // The source's tree for a document that was read (an unreadable one has only its text, marked at the error).
  const hasTree = doc.state !== 'Invalid' && doc.format !== 'text';
  const shown: RawView =
    view === 'model' && hasModel ? 'model' : view === 'tree' && hasTree ? 'tree' : 'source';
  const modelText = useMemo(
    () => (shown === 'model' && doc.model ? JSON.stringify(doc.model, null, 2) : ''),
    [shown, doc.model],
  );
  const tree = useMemo(
    () => (shown === 'tree' ? buildSourceTree(doc.source.text, doc.format) : undefined),
    [shown, doc.source.text, doc.format],
  );

  // Laying out megabytes of one line takes the page seconds: beyond this, only the start is shown (and said so).
  const shownText =
    doc.source.text.length > RAW_DISPLAY_LIMIT
      ? doc.source.text.slice(0, RAW_DISPLAY_LIMIT)
      : doc.source.text;
  const found = useMemo(() => findInText(shownText, query), [shownText, query]);
  const currentMatch = Math.min(current, found.matches.length - 1);
  const onQueryChange = (next: string) => {
    setQuery(next);
    setCurrent(next === '' ? -1 : 0);
  };
  const onStep = (direction: 1 | -1) => setCurrent(stepMatch(currentMatch, found.matches.length, direction));
  const onReveal = useCallback(
    (line: number) => reveal?.({ line: line + doc.source.start.line - 1 }),
    [reveal, doc.source.start.line],
  );

  const choices: readonly (readonly [RawView, string])[] = [
    ['source', t('raw.source')],
    ...(hasTree ? [['tree', t('raw.tree')] as const] : []),
    ...(hasModel ? [['model', t('ui.raw.model')] as const] : []),
  ];
  const actions = (
    <>
      {choices.length > 1 ? (
        <span className="pn-segmented" role="group" aria-label={t('raw.view')}>
          {choices.map(([value, name]) => (
            <button
              key={value}
              type="button"
              className="ui-button"
              aria-pressed={shown === value}
              onClick={() => onViewChange(value)}
            >
              {name}
            </button>
          ))}
        </span>
      ) : null}
      {shown !== 'tree' ? (
        <button type="button" className="ui-button" aria-pressed={wrap} onClick={() => setWrap((w) => !w)}>
          {t('raw.wrap')}
        </button>
      ) : null}
      <CopySourceButton text={doc.source.text} />
    </>
  );

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
        <>
          <FindBar
            query={query}
            onQueryChange={onQueryChange}
            count={found.matches.length}
            capped={found.capped}
            current={currentMatch}
            onStep={onStep}
          />
          <SourceView
            text={shownText}
            format={doc.format}
            firstLine={doc.source.start.line}
            wrap={wrap}
            label={t('raw.source')}
            matches={found.matches}
            current={currentMatch}
            {...(resolved.range ? { highlight: resolved.range } : {})}
          />
        </>
      ) : shown === 'tree' && tree && doc.format !== 'text' ? (
        <SourceTreeView tree={tree} format={doc.format} label={t('raw.tree')} onReveal={onReveal} />
      ) : (
        <>
          <p className="pn-note raw-model-note">{t('raw.model.note')}</p>
          <SourceView text={modelText} format="json" firstLine={1} wrap={wrap} label={t('ui.raw.model')} />
        </>
      )}
    </PanelFrame>
  );
}
