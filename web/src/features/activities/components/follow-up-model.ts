import type { FollowUpKind, FollowUpRecord, FollowUpRecordCreate, FollowUpRecordUpdate } from '@crm/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { changedFields, textOrNull } from '../../../shared/form/normalize';
import { checkInPayload, type CheckInDraft } from './check-in-model';

/** What the composer holds: the record's fields as the form edits them. */
export interface ComposerValues {
  kind: FollowUpKind;
  content: string;
  contactIds: number[];
  durationMinutes: number | null;
  outcome: string;
  /** Empty: now (the server's clock decides). */
  occurredAt: Dayjs | null;
  nextOn: string | null;
  nextAction: string;
  /** A visit's check-in, once the user pressed 签到 and the browser answered. */
  checkIn: CheckInDraft | null;
}

/** A fresh composer; the kind is kept from the last record (a salesperson logs calls in a row). */
export function emptyComposer(kind: FollowUpKind = 'call'): ComposerValues {
  return { kind, content: '', contactIds: [], durationMinutes: null, outcome: '', occurredAt: null, nextOn: null, nextAction: '', checkIn: null };
}

/** POST /follow-ups: trimmed, with what was left empty left out (the server's defaults apply). */
export function composerPayload(customerId: number, values: ComposerValues): FollowUpRecordCreate {
  const outcome = textOrNull(values.outcome);
  const nextAction = textOrNull(values.nextAction);
  return {
    customerId,
    kind: values.kind,
    content: values.content.trim(),
    ...(values.occurredAt ? { occurredAt: values.occurredAt.toISOString() } : {}),
    ...(values.durationMinutes !== null && values.durationMinutes !== undefined ? { durationMinutes: values.durationMinutes } : {}),
    ...(values.contactIds.length > 0 ? { contactIds: values.contactIds } : {}),
    ...(outcome ? { outcome } : {}),
    ...(values.nextOn ? { nextOn: values.nextOn } : {}),
    ...(values.nextOn && nextAction ? { nextAction } : {}),
    // Only a visit carries one (a draft kept from before the kind changed is dropped).
    ...(values.kind === 'visit' && values.checkIn ? { checkIn: checkInPayload(values.checkIn) } : {}),
  };
}

/** What the edit drawer changes: the record's own fields (its next step is a task by now). */
export type EditValues = Omit<ComposerValues, 'nextOn' | 'nextAction' | 'occurredAt' | 'checkIn'> & { occurredAt: Dayjs };

export function editValues(record: FollowUpRecord): EditValues {
  return {
    kind: record.kind,
    content: record.content,
    contactIds: record.contacts.map((c) => c.id),
    durationMinutes: record.durationMinutes,
    outcome: record.outcome ?? '',
    occurredAt: dayjs(record.occurredAt),
  };
}

/** PATCH /follow-ups/:id: only the fields that changed, with the version read. */
export function editPayload(record: FollowUpRecord, values: EditValues): FollowUpRecordUpdate {
  const asSent = (v: EditValues) => ({
    kind: v.kind,
    content: v.content.trim(),
    contactIds: v.contactIds,
    durationMinutes: v.durationMinutes ?? null,
    // An emptied outcome is sent as '' (the API stores no value).
    outcome: textOrNull(v.outcome) ?? '',
    occurredAt: v.occurredAt.toISOString(),
  });
  const before = asSent(editValues(record));
  const after = asSent(values);
  // The same instant read back is no change, whatever its spelling.
  if (dayjs(before.occurredAt).isSame(after.occurredAt, 'minute')) after.occurredAt = before.occurredAt;
  return { ...changedFields(before, after), version: record.version };
}
