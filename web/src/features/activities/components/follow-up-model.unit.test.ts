import type { FollowUpRecord } from '@crm/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { composerPayload, editPayload, editValues, emptyComposer } from './follow-up-model';

const record: FollowUpRecord = {
  id: 7,
  version: 3,
  customerId: 12,
  customerName: '东海精密',
  kind: 'call',
  occurredAt: '2026-03-02T06:20:00.000Z',
  durationMinutes: 15,
  contacts: [{ id: 4, name: '王芳' }],
  opportunityId: null,
  opportunityName: null,
  contractId: null,
  contractNumber: null,
  content: '询问报价',
  outcome: null,
  nextOn: '2026-03-05',
  nextAction: '发报价',
  taskId: 31,
  checkIn: null,
  authorId: 2,
  authorName: '张伟',
  createdAt: '2026-03-02T06:21:00.000Z',
  updatedAt: '2026-03-02T06:21:00.000Z',
  can: { edit: true, delete: true },
};

describe('the follow-up composer payload', () => {
  it('sends only the kind, the trimmed content and the customer when nothing else is filled in (the server takes now)', () => {
    expect(composerPayload(12, { ...emptyComposer('visit'), content: '  上门演示  ' })).toEqual({ customerId: 12, kind: 'visit', content: '上门演示' });
  });

  it('sends every field filled in, the time as an instant and the next step as a day with its action', () => {
    const occurredAt = dayjs('2026-03-02T14:20:00+08:00');
    const payload = composerPayload(12, {
      kind: 'call',
      content: '询问报价',
      contactIds: [4, 5],
      durationMinutes: 0,
      outcome: ' 要报价 ',
      occurredAt,
      nextOn: '2026-03-05',
      nextAction: ' 发报价 ',
      checkIn: null,
    });
    expect(payload).toEqual({
      customerId: 12,
      kind: 'call',
      content: '询问报价',
      contactIds: [4, 5],
      durationMinutes: 0,
      outcome: '要报价',
      occurredAt: '2026-03-02T06:20:00.000Z',
      nextOn: '2026-03-05',
      nextAction: '发报价',
    });
  });

  it('drops a next action without its day (no task can be made of it)', () => {
    const payload = composerPayload(12, { ...emptyComposer(), content: 'x', nextAction: '发报价' });
    expect(payload).not.toHaveProperty('nextAction');
    expect(payload).not.toHaveProperty('nextOn');
  });
});

describe('editing a follow-up', () => {
  it('sends nothing but the version when nothing changed', () => {
    expect(editPayload(record, editValues(record))).toEqual({ version: 3 });
  });

  it('sends the changed fields, an emptied duration as null and an emptied outcome as empty text', () => {
    const values = { ...editValues({ ...record, outcome: '要报价' }), durationMinutes: null, outcome: ' ', contactIds: [] };
    expect(editPayload({ ...record, outcome: '要报价' }, { ...values, kind: 'visit', occurredAt: dayjs('2026-03-01T09:00:00Z') })).toEqual({
      kind: 'visit',
      durationMinutes: null,
      outcome: '',
      contactIds: [],
      occurredAt: '2026-03-01T09:00:00.000Z',
      version: 3,
    });
  });
});
