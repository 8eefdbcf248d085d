import type { Department } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { buildDepartmentTree, descendantIds, treeSelectData } from './department-tree';

function department(id: number, name: string, parentId: number | null): Department {
  return { id, version: 1, createdAt: '', updatedAt: '', name, parentId, managerId: null, userCount: 0 } as Department;
}

// 总部 (1) > 销售部 (2) > 华东 (4), 华北 (5); 总部 > 财务部 (3); 孤儿 (6) has a parent that is gone.
const departments = [department(5, '华北', 2), department(2, '销售部', 1), department(4, '华东', 2), department(1, '总部', null), department(3, '财务部', 1), department(6, '孤儿', 99)];

type Tree = { title: string; children: Tree[] };
const titles = (nodes: Tree[]): unknown[] => nodes.map((n) => (n.children.length > 0 ? [n.title, titles(n.children)] : n.title));

describe('buildDepartmentTree', () => {
  it('nests each department under its parent, sorted by name in Chinese order; a lost parent makes a root', () => {
    expect(titles(buildDepartmentTree(departments))).toEqual(['孤儿', ['总部', ['财务部', ['销售部', ['华北', '华东']]]]]);
  });

  it('does not loop on a department that names itself as parent', () => {
    expect(titles(buildDepartmentTree([department(1, 'A', 1)]))).toEqual(['A']);
  });
});

describe('descendantIds', () => {
  it('is the department and everything below it', () => {
    expect([...descendantIds(departments, 2)].sort()).toEqual([2, 4, 5]);
    expect([...descendantIds(departments, 1)].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...descendantIds(departments, 3)]).toEqual([3]);
  });
});

describe('treeSelectData', () => {
  it('leaves out the excluded departments with their subtrees', () => {
    expect(titles(treeSelectData(departments, descendantIds(departments, 2)))).toEqual(['孤儿', ['总部', ['财务部']]]);
  });
});
