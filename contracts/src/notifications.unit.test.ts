import { describe, expect, it } from 'vitest';
import { notificationPath } from './notifications.js';

describe('notificationPath', () => {
  it('leads to the record\'s own page', () => {
    expect(notificationPath({ kind: 'customer_assigned', entityType: 'customer', entityId: 7 })).toBe('/customers/7');
    expect(notificationPath({ kind: 'lead_assigned', entityType: 'lead', entityId: 12 })).toBe('/leads/12');
    expect(notificationPath({ kind: 'opportunity_assigned', entityType: 'opportunity', entityId: 3 })).toBe('/opportunities/3');
    expect(notificationPath({ kind: 'big_deal', entityType: 'opportunity', entityId: 4 })).toBe('/opportunities/4');
    expect(notificationPath({ kind: 'contract_renewal', entityType: 'contract', entityId: 5 })).toBe('/contracts/5');
    expect(notificationPath({ kind: 'report_comment', entityType: 'work_report', entityId: 9 })).toBe('/reports/9');
    expect(notificationPath({ kind: 'task_reminder', entityType: 'task', entityId: 11 })).toBe('/tasks?task=11');
  });

  it('leads to a list where there is no single record', () => {
    expect(notificationPath({ kind: 'approval_requested', entityType: 'approval', entityId: 2 })).toBe('/approvals');
    expect(notificationPath({ kind: 'import_finished', entityType: 'import', entityId: 8 })).toBe('/imports');
    expect(notificationPath({ kind: 'leads_assigned', entityType: null, entityId: null })).toBe('/leads');
  });

  it('leads nowhere without a record it knows', () => {
    expect(notificationPath({ kind: 'customer_assigned', entityType: 'customer', entityId: null })).toBeNull();
    expect(notificationPath({ kind: 'mentioned', entityType: 'department', entityId: 1 })).toBeNull();
    expect(notificationPath({ entityType: null })).toBeNull();
  });
});
