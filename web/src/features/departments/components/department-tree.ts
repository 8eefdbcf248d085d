import type { Department } from '@crm/contracts';

export interface DepartmentNode {
  key: number;
  value: number;
  title: string;
  department: Department;
  children: DepartmentNode[];
}

/** Builds the tree from the flat list; a department whose parent is missing becomes a root. */
export function buildDepartmentTree(departments: Department[]): DepartmentNode[] {
  const nodes = new Map<number, DepartmentNode>();
  for (const department of departments) {
    nodes.set(department.id, {
      key: department.id,
      value: department.id,
      title: department.name,
      department,
      children: [],
    });
  }
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.department.parentId;
    const parent = parentId === null ? undefined : nodes.get(parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The department and everything below it: what cannot become its parent. */
export function descendantIds(departments: Department[], id: number): Set<number> {
  const out = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parentId !== null && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Tree data for a TreeSelect, optionally without some departments (and their subtrees). */
export function treeSelectData(
  departments: Department[],
  exclude: Set<number> = new Set(),
): { value: number; title: string; children: ReturnType<typeof treeSelectData> }[] {
  const strip = (list: DepartmentNode[]): ReturnType<typeof treeSelectData> =>
    list
      .filter((n) => !exclude.has(n.key))
      .map((n) => ({ value: n.value, title: n.title, children: strip(n.children) }));
  return strip(buildDepartmentTree(departments));
}
