/** Builds a tree from rows with parentId; roots are rows whose parent is absent. */
export type TreeNode<T> = T & { children?: TreeNode<T>[] };

export function buildTree<T extends { id: string; parentId: string | null; sortOrder?: number }>(
  rows: readonly T[],
): TreeNode<T>[] {
  const byId = new Map<string, TreeNode<T>>();
  for (const r of rows) byId.set(r.id, { ...r });
  const roots: TreeNode<T>[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (list: TreeNode<T>[]) => {
    list.sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
    for (const n of list) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}
