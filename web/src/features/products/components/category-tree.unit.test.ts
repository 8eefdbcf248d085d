import { describe, expect, it } from 'vitest';
import { categoryTree } from './category-tree';

const meta = { version: 1, createdAt: '', updatedAt: '', createdBy: null, updatedBy: null, productCount: 0 };

describe('categoryTree', () => {
  it('nests children under their parents and keeps orphans at the top', () => {
    const tree = categoryTree([
      { id: 1, name: '硬件', parentId: null, ...meta },
      { id: 2, name: '服务器', parentId: 1, ...meta },
      { id: 3, name: '孤儿', parentId: 99, ...meta },
    ]);
    expect(tree.map((n) => n.title)).toEqual(['硬件', '孤儿']);
    expect(tree[0]?.children.map((n) => n.title)).toEqual(['服务器']);
  });
});
