import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  visibleSourceRows,
  type SourceNode,
  type SourceTree,
  type SourceTreeRow,
} from '../../../domain/source/source-tree';
import { useT } from '../../../i18n/use-i18n';

export interface SourceTreeViewProps {
  readonly tree: SourceTree;
  readonly format: 'xml' | 'json';
  readonly label: string;
  /** Shows a node's line (1-based, in the document's own text) in the source. */
  readonly onReveal: (line: number) => void;
}

const PAGE = 1000;

const isContainer = (node: SourceNode): boolean => node.children.length > 0;

/**
 * The source's own tree as an ARIA tree: one Tab stop; ↑/↓ move, ←/→ fold, unfold or go to the parent or first
 * child, Home/End, Enter (or a click on the line number) shows the node's line in the source.
 */
export function SourceTreeView({ tree, format, label, onReveal }: SourceTreeViewProps) {
  const t = useT();
  const baseId = useId();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [maxRows, setMaxRows] = useState(PAGE);
  const [focusId, setFocusId] = useState('0');
  const box = useRef<HTMLDivElement>(null);
  const { rows, truncated } = useMemo(
    () => visibleSourceRows(tree.roots, collapsed, maxRows),
    [tree, collapsed, maxRows],
  );
  const focusIndex = Math.max(
    0,
    rows.findIndex((r) => r.id === focusId),
  );
  const tabStop = rows[focusIndex]?.id;

  const focusRow = (row: SourceTreeRow | undefined) => {
    if (row === undefined) return;
    setFocusId(row.id);
    box.current?.querySelector<HTMLElement>(`[data-row="${row.id}"]`)?.focus();
  };
  const toggle = (id: string, open?: boolean) =>
    setCollapsed((prev) => {
      const isOpen = !prev.has(id);
      if (open === isOpen) return prev;
      const next = new Set(prev);
      if (isOpen) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[focusIndex];
    if (row === undefined) return;
    const isOpen = isContainer(row.node) && !collapsed.has(row.id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focusRow(rows[focusIndex + 1]);
        break;
      case 'ArrowUp':
        focusRow(rows[focusIndex - 1]);
        break;
      case 'Home':
        focusRow(rows[0]);
        break;
      case 'End':
        focusRow(rows[rows.length - 1]);
        break;
      case 'ArrowRight':
        if (isContainer(row.node) && !isOpen) toggle(row.id, true);
        else if (isOpen) focusRow(rows[focusIndex + 1]);
        break;
      case 'ArrowLeft':
        if (isOpen) toggle(row.id, false);
        else focusRow(rows.find((r) => r.id === row.id.slice(0, row.id.lastIndexOf('.'))));
        break;
      case 'Enter':
        onReveal(row.node.line);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  return (
    <div className="src-tree-wrap">
      <p className="pn-note src-tree-hint">{t('raw.tree.hint')}</p>
      <div
        ref={box}
        className="src-tree"
        role="tree"
        aria-label={label}
        onKeyDown={onKeyDown}
        data-testid="source-tree"
      >
        {rows.map((row) => {
          const { node } = row;
          const container = isContainer(node);
          const isOpen = container && !collapsed.has(row.id);
          return (
            <div
              key={row.id}
              id={`${baseId}-${row.id}`}
              data-row={row.id}
              data-line={node.line}
              role="treeitem"
              aria-level={row.level}
              aria-posinset={row.position}
              aria-setsize={row.siblings}
              aria-selected={row.id === tabStop}
              {...(container ? { 'aria-expanded': isOpen } : {})}
              tabIndex={row.id === tabStop ? 0 : -1}
              className="src-tree-row"
              style={{ paddingInlineStart: `${(row.level - 1) * 1.2 + 0.25}em` }}
              onClick={() => setFocusId(row.id)}
            >
              <span
                className="src-tree-toggle"
                aria-hidden="true"
                onClick={container ? () => toggle(row.id) : undefined}
              >
                {container ? (isOpen ? '▾' : '▸') : ''}
              </span>
              <NodeText node={node} format={format} />
              {/* For the mouse; the keyboard has Enter on the row. */}
              <span
                className="src-tree-line"
                title={t('raw.tree.line', { line: node.line })}
                aria-hidden="true"
                onClick={() => onReveal(node.line)}
              >
                {node.line}
              </span>
            </div>
          );
        })}
      </div>
      {truncated ? (
        <div className="ui-tree-more">
          <button type="button" className="ui-button" onClick={() => setMaxRows((n) => n + PAGE)}>
            {t('common.showMore')}
          </button>{' '}
          <span className="ui-muted">{t('ui.tree.shown', { count: rows.length })}</span>
        </div>
      ) : null}
      {tree.truncated ? <p className="pn-note">{t('raw.tree.truncated', { shown: rows.length })}</p> : null}
    </div>
  );
}

/** How the source writes the node: `<Name a="1">text`, `"Key": value`, `[0]`, with a count for containers. */
function NodeText({ node, format }: { node: SourceNode; format: 'xml' | 'json' }) {
  const count = node.children.length;
  if (format === 'xml') {
    return (
      <span className="src-tree-node">
        <span className="tk-tag">{`<${node.name}>`}</span>
        {node.attributes?.map((a) => (
          <span key={a.name} className="src-tree-attr">
            {' '}
            <span className="tk-attr">{a.name}</span>=<span className="tk-string">{`"${a.value}"`}</span>
          </span>
        ))}
        {node.text !== undefined && node.text !== '' ? (
          <span className="src-tree-value"> {node.text}</span>
        ) : null}
        {count > 0 ? <span className="src-tree-count"> ({count})</span> : null}
      </span>
    );
  }
  const name =
    node.index !== undefined ? (
      <span className="src-tree-index">[{node.index}]</span>
    ) : node.name !== '' ? (
      <span className="tk-key">{`"${node.name}"`}</span>
    ) : null;
  const value =
    node.kind === 'object' ? (
      <span className="src-tree-count">{`{${count}}`}</span>
    ) : node.kind === 'array' ? (
      <span className="src-tree-count">{`[${count}]`}</span>
    ) : (
      <span
        className={
          node.text?.startsWith('"')
            ? 'tk-string'
            : /^[-\d]/.test(node.text ?? '')
              ? 'tk-number'
              : 'tk-literal'
        }
      >
        {node.text}
      </span>
    );
  return (
    <span className="src-tree-node">
      {name}
      {name ? ': ' : null}
      {value}
    </span>
  );
}
