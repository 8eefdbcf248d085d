import { describe, expect, it } from 'vitest';
import { flowFieldPath, flowPayload, flowToValues, newFlowValues } from './flow-form-model';

describe('approval flow form', () => {
  it('sends amounts in fen, only each condition\'s own value, and reads them back in yuan', () => {
    const payload = flowPayload({
      ...newFlowValues('quote'),
      name: ' 大额 ',
      conditions: [{ kind: 'amount_above', amountYuan: 10000.01 }, { kind: 'discount_above', percent: 12.5, amountYuan: 3 }, { kind: 'credit_below', standing: 'poor' }, { kind: 'over_credit_limit' }],
      steps: [{ kind: 'manager', userId: 3 }, { kind: 'user', userId: 7 }, { kind: 'role', roleId: 2 }],
    });
    expect(payload).toEqual({
      name: '大额', recordType: 'quote', active: true, priority: 100, match: 'any',
      conditions: [{ kind: 'amount_above', amount: 1_000_001 }, { kind: 'discount_above', percent: 12.5 }, { kind: 'credit_below', standing: 'poor' }, { kind: 'over_credit_limit' }],
      steps: [{ kind: 'manager' }, { kind: 'user', userId: 7 }, { kind: 'role', roleId: 2 }],
    });
    const values = flowToValues({
      id: 1, version: 1, createdAt: '', updatedAt: '', createdBy: null, updatedBy: null, requestCount: 0,
      name: '大额', recordType: 'quote', active: true, priority: 100, match: 'any', conditions: [{ kind: 'amount_above', amount: 1_000_001 }],
      steps: [{ kind: 'manager', userId: null, roleId: null, name: null }, { kind: 'user', userId: 7, roleId: null, name: '甲' }],
    });
    expect(values.conditions[0]).toEqual({ kind: 'amount_above', amountYuan: 10000.01 });
    expect(values.steps).toEqual([{ kind: 'manager' }, { kind: 'user', userId: 7 }]);
  });

  it('an empty value is sent so the server names the field; its error lands on the yuan input', () => {
    expect(flowPayload({ ...newFlowValues('quote'), conditions: [{ kind: 'amount_above', amountYuan: null }] }).conditions).toEqual([{ kind: 'amount_above', amount: -1 }]);
    expect(flowFieldPath('conditions.0.amount')).toEqual(['conditions', 0, 'amountYuan']);
    expect(flowFieldPath('steps.1.userId')).toEqual(['steps', 1, 'userId']);
  });
});
