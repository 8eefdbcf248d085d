import type { ProductCategory } from '@crm/contracts';

export interface CategoryNode {
  value: number;
  key: number;
  title: string;
  children: CategoryNode[];
}

/** The flat category list as a tree (parents before children, by name); an orphan sits at the top. */
export function categoryTree(items: ProductCategory[]): CategoryNode[] {
  const nodes = new Map(items.map((c) => [c.id, { value: c.id, key: c.id, title: c.name, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const c of items) {
    const node = nodes.get(c.id);
    if (!node) continue;
    const parent = c.parentId === null ? undefined : nodes.get(c.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
