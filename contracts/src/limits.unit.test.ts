import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { customerCreate, customerUpdate } from './customers.js';
import { leadConvert, leadSourcesUpdate } from './leads.js';
import { maxLengthOf } from './limits.js';
import { pipelineCreate } from './opportunities.js';
import { multiline } from './text.js';

describe('maxLengthOf', () => {
  it('reads the limit of a field from the shared schema, through optional, nullable, refine and transform layers', () => {
    expect(maxLengthOf(customerCreate, 'name')).toBe(120);
    expect(maxLengthOf(customerCreate, 'notes')).toBe(2000);
    expect(maxLengthOf(customerUpdate, 'person', 'wechat')).toBe(60);
    expect(maxLengthOf(customerUpdate, 'organization', 'creditCode')).toBe(18);
    expect(maxLengthOf(multiline(300))).toBe(300);
    expect(maxLengthOf(z.string().trim().max(7).optional().default(''))).toBe(7);
  });

  it('steps into list items with [] and into the union option that has the field', () => {
    expect(maxLengthOf(pipelineCreate, 'stages', '[]', 'nameZh')).toBe(60);
    expect(maxLengthOf(leadSourcesUpdate, 'items', '[]', 'key')).toBe(40);
    expect(maxLengthOf(leadConvert, 'customer', 'name')).toBe(120);
    expect(() => maxLengthOf(pipelineCreate, 'name', '[]')).toThrow(/no list at \[\]/);
  });

  it('refuses a path that names no limited string, so a form cannot silently lose its limit', () => {
    expect(() => maxLengthOf(customerCreate, 'nmae')).toThrow(/no field nmae/);
    expect(() => maxLengthOf(customerCreate, 'tags')).toThrow(/no string with a maximum/);
    expect(() => maxLengthOf(z.string())).toThrow(/no string with a maximum/);
  });
});
