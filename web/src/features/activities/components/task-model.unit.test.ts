import type { Task } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { createPayload, defaultDueOn, dueState, newTaskValues, parseTaskTab, positiveId, reminderOffset, sortTasks, taskValues, updatePayload } from './task-model';

const base: Task = {
  id: 1,
  version: 1,
  title: '回访',
  dueOn: '2026-03-05',
  dueTime: null,
  priority: 'normal',
  status: 'open',
  overdue: false,
  assigneeId: 2,
  assigneeName: '张伟',
  customerId: 12,
  customerName: '东海精密',
  opportunityId: null,
  contractId: null,
  followUpId: null,
  notes: null,
  recurrence: null,
  remindBeforeMinutes: null,
  remindAt: null,
  remindedAt: null,
  doneAt: null,
  createdById: 2,
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  can: { edit: true, delete: true },
};
const task = (patch: Partial<Task>): Task => ({ ...base, ...patch });

describe('the order of tasks', () => {
  it('puts overdue first, then by day, timed before any time, more urgent first, done last', () => {
    const tasks = [
      task({ id: 1, dueOn: '2026-03-06' }),
      task({ id: 2, dueOn: '2026-03-05' }),
      task({ id: 3, dueOn: '2026-03-05', dueTime: '09:00' }),
      task({ id: 4, dueOn: '2026-03-05', dueTime: '09:00', priority: 'urgent' }),
      task({ id: 5, dueOn: '2026-03-01', overdue: true }),
      task({ id: 6, dueOn: '2026-02-01', status: 'done' }),
      task({ id: 7, dueOn: '2026-03-05', priority: 'high' }),
      task({ id: 8, dueOn: '2026-03-04', overdue: true, dueTime: '08:00' }),
    ];
    expect(sortTasks(tasks).map((t) => t.id)).toEqual([5, 8, 4, 3, 7, 2, 1, 6]);
  });

  it('says where a task stands against the reader’s day, the server deciding what is overdue', () => {
    expect(dueState(task({ dueOn: '2026-03-05' }), '2026-03-05')).toBe('today');
    expect(dueState(task({ dueOn: '2026-03-06' }), '2026-03-05')).toBe('upcoming');
    expect(dueState(task({ dueOn: '2026-03-05', dueTime: '08:00', overdue: true }), '2026-03-05')).toBe('overdue');
    expect(dueState(task({ dueOn: '2026-03-01', status: 'done' }), '2026-03-05')).toBe('done');
  });
});

describe('the task drawer payload', () => {
  it('creates with what was filled in only; no recurrence is none', () => {
    const values = { ...newTaskValues({ assigneeId: 2, dueOn: '2026-03-05' }), title: ' 回访 ' };
    expect(createPayload(values)).toEqual({ title: '回访', dueOn: '2026-03-05', priority: 'normal', assigneeId: 2 });
    expect(createPayload({ ...values, recurrence: 'monthly', dueTime: '14:30', customerId: 12, notes: '带样品' })).toEqual({
      title: '回访',
      dueOn: '2026-03-05',
      priority: 'normal',
      assigneeId: 2,
      dueTime: '14:30',
      customerId: 12,
      notes: '带样品',
      recurrence: 'monthly',
    });
  });

  it('updates only what changed, clearing the customer, the time and the recurrence with null', () => {
    const current = task({ dueTime: '09:00', recurrence: 'weekly', version: 4 });
    expect(updatePayload(current, taskValues(current))).toEqual({ version: 4 });
    expect(updatePayload(current, { ...taskValues(current), dueTime: null, recurrence: 'none', customerId: null, priority: 'high' })).toEqual({
      dueTime: null,
      recurrence: null,
      customerId: null,
      priority: 'high',
      version: 4,
    });
    expect(updatePayload(current, { ...taskValues(current), assigneeId: 9 })).toEqual({ assigneeId: 9, version: 4 });
  });
});

describe('the tasks page address', () => {
  it('reads the tab, ids and pages, dropping what is malformed', () => {
    expect(parseTaskTab(null)).toBe('today');
    expect(parseTaskTab('upcoming')).toBe('upcoming');
    expect(parseTaskTab('open')).toBe('today');
    expect(positiveId('12')).toBe(12);
    expect(positiveId('0')).toBeNull();
    expect(positiveId('-3')).toBeNull();
    expect(positiveId('1e3')).toBeNull();
    expect(defaultDueOn('upcoming', '2026-03-05', '2026-03-06')).toBe('2026-03-06');
    expect(defaultDueOn('today', '2026-03-05', '2026-03-06')).toBe('2026-03-05');
  });
});

describe('the task reminder', () => {
  it('is sent when chosen, changed on edit, and cleared with none', () => {
    const values = { ...newTaskValues({ assigneeId: 2, dueOn: '2026-03-05' }), title: '回访' };
    expect(createPayload(values)).not.toHaveProperty('remindBeforeMinutes');
    expect(createPayload({ ...values, remindBeforeMinutes: 0 })).toMatchObject({ remindBeforeMinutes: 0 });
    const reminded = task({ remindBeforeMinutes: 15, version: 3 });
    expect(taskValues(reminded).remindBeforeMinutes).toBe(15);
    expect(updatePayload(reminded, { ...taskValues(reminded), remindBeforeMinutes: 1440 })).toEqual({ remindBeforeMinutes: 1440, version: 3 });
    expect(updatePayload(reminded, { ...taskValues(reminded), remindBeforeMinutes: 'none' })).toEqual({ remindBeforeMinutes: null, version: 3 });
    expect(updatePayload(reminded, taskValues(reminded))).toEqual({ version: 3 });
    expect(reminderOffset(7)).toBe('none');
  });
});
