import type { TreeRow } from '../../domain/derive/tree-view';

export interface TreeNode {
  readonly row: TreeRow;
  readonly children: TreeNode[];
}

/**
 * Rebuilds the nesting of depth-first rows (derive/tree-view's flat output) so the view can render nested
 * lists. Iterative: a deep payload cannot overflow the stack here.
 */
export function nestRows(rows: readonly TreeRow[]): TreeNode[] {
  const roots: TreeNode[] = [];
  const open: TreeNode[] = [];
  for (const row of rows) {
    const node: TreeNode = { row, children: [] };
    while (open.length > 0 && (open[open.length - 1] as TreeNode).row.depth >= row.depth) open.pop();
    const parent = open[open.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    open.push(node);
  }
  return roots;
}

/** A tree row's path as a wire path for the source locator: `Tags#2` (second `Tags` of a record) → `Tags[1]`. */
export function rowPathToWirePath(path: string): string {
  return path.replace(/#(\d+)/g, (_, n: string) => `[${Number(n) - 1}]`);
}
