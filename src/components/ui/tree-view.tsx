import { useMemo, useState, type ReactNode } from 'react';
import { flattenEntries, flattenTree } from '../../domain/derive/tree-view';
import type { Tree, TreeEntry } from '../../domain/model';
import { useT } from '../../i18n/use-i18n';
import { FieldLabel } from './field-label';
import { nestRows, rowPathToWirePath, type TreeNode } from './tree-nest';
import './ui.css';

export interface TreeViewProps {
  /** Named nodes (extras, task parameters, result nodes)… */
  readonly entries?: readonly TreeEntry[];
  /** …or one whole tree (an unrecognised document). */
  readonly tree?: Tree;
  /** Wire path of the nodes' parent in the document (`JobsDetail[0].Operation`), for "show in source". */
  readonly basePath?: string;
  /** Accessible name of the tree. */
  readonly label: string;
  /** Rows shown before "show more"; each click shows as many again. */
  readonly pageSize?: number;
}

/**
 * Any node of a payload, readably: nested lists of Tencent node names and their verbatim values. Nothing is
 * dropped: large trees are cut into pages behind "show more", and collapsed nodes can be opened again.
 */
export function TreeView({ entries, tree, basePath = '', label, pageSize = 400 }: TreeViewProps) {
  const t = useT();
  const [maxRows, setMaxRows] = useState(pageSize);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());

  const flat = useMemo(() => {
    const options = { maxRows, basePath, collapsed };
    if (entries !== undefined) return flattenEntries(entries, options);
    if (tree !== undefined) return flattenTree(tree, options);
    return { rows: [], truncated: false };
  }, [entries, tree, basePath, maxRows, collapsed]);
  const nodes = useMemo(() => nestRows(flat.rows), [flat.rows]);

  const toggle = (path: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const renderNodes = (list: readonly TreeNode[], parentName: string | undefined): ReactNode =>
    list.map(({ row, children }) => {
      const isContainer = row.kind !== 'leaf';
      const isCollapsed = collapsed.has(row.path);
      const hasChildren = (row.childCount ?? 0) > 0;
      return (
        <li key={row.path} className="ui-tree-item">
          <div className="ui-tree-line">
            {isContainer && hasChildren ? (
              <button
                type="button"
                className="ui-tree-toggle"
                aria-expanded={!isCollapsed}
                aria-label={`${isCollapsed ? t('panel.expand') : t('panel.collapse')} ${row.name}`}
                onClick={() => toggle(row.path)}
              >
                <span aria-hidden="true">{isCollapsed ? '▸' : '▾'}</span>
              </button>
            ) : (
              <span className="ui-tree-spacer" aria-hidden="true" />
            )}
            {row.name === '' ? null : (
              <FieldLabel
                name={row.name}
                path={rowPathToWirePath(row.path)}
                {...(parentName === undefined ? {} : { parent: parentName })}
              />
            )}
            {row.kind === 'leaf' ? (
              row.text === '' ? (
                <span className="ui-tree-empty">{t('raw.emptyValue')}</span>
              ) : (
                <span className="ui-tree-value">{row.text}</span>
              )
            ) : (
              <span className="ui-tree-count">
                {row.kind === 'list' ? `[${row.childCount ?? 0}]` : `{${row.childCount ?? 0}}`}
              </span>
            )}
          </div>
          {children.length > 0 ? (
            <ul>{renderNodes(children, row.name.startsWith('[') ? parentName : row.name)}</ul>
          ) : null}
        </li>
      );
    });

  return (
    <div>
      <ul className="ui-tree" aria-label={label}>
        {renderNodes(nodes, lastName(basePath))}
      </ul>
      {flat.truncated ? (
        <div className="ui-tree-more">
          <button type="button" className="ui-button" onClick={() => setMaxRows((n) => n + pageSize)}>
            {t('common.showMore')}
          </button>{' '}
          <span className="ui-muted">{t('ui.tree.shown', { count: flat.rows.length })}</span>
        </div>
      ) : null}
    </div>
  );
}

function lastName(path: string): string | undefined {
  const parts = path.split('.').filter((p) => p !== '');
  const last = parts[parts.length - 1];
  return last === undefined ? undefined : last.replace(/\[\d+\]$/, '');
}
