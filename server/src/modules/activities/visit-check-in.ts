import type { CheckIn, FollowUpKind, checkInCreate } from '@crm/contracts';
import type { z } from 'zod';
import type { ErrorDetail } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n.js';
import type { FollowUpRow } from './activities.repository.js';

/**
 * Visit check-in (拜访签到): the phone's position kept with a visit. Only a visit carries one; it is
 * written when the visit is saved, with the server's time, and afterwards can only be removed, so
 * that it keeps saying where the phone was then.
 */
type CheckInColumns = Pick<FollowUpRow, 'check_in_latitude' | 'check_in_longitude' | 'check_in_accuracy_m' | 'check_in_address' | 'checked_in_at'>;

const problem = (path: string, message: MessageKey): ErrorDetail[] => [{ path, message }];

export const noCheckIn: CheckInColumns = { check_in_latitude: null, check_in_longitude: null, check_in_accuracy_m: null, check_in_address: null, checked_in_at: null };

/** The columns of a new follow-up's check-in (none without one), stamped with the server's time. */
export function checkInColumns(input: z.output<typeof checkInCreate> | undefined, at: string): CheckInColumns {
  if (!input) return noCheckIn;
  return { check_in_latitude: input.latitude, check_in_longitude: input.longitude, check_in_accuracy_m: input.accuracyMeters, check_in_address: input.address ?? null, checked_in_at: at };
}

/** A check-in on a new follow-up: only a visit may carry one. */
export function checkInProblemsOnCreate(kind: FollowUpKind, input: unknown): ErrorDetail[] {
  return input != null && kind !== 'visit' ? problem('checkIn', 'followUpCheckInOnlyVisit') : [];
}

/** A change of a follow-up: a visit keeps its kind while it has a check-in (removing it in the same change is fine). */
export function checkInProblemsOnUpdate(row: CheckInColumns, input: { kind?: FollowUpKind; checkIn?: null }): ErrorDetail[] {
  const keeps = row.checked_in_at !== null && input.checkIn !== null;
  return keeps && input.kind !== undefined && input.kind !== 'visit' ? problem('kind', 'followUpCheckInKeepsVisit') : [];
}

/** What the API shows of a follow-up's check-in. */
export function presentCheckIn(row: CheckInColumns): CheckIn | null {
  if (row.checked_in_at === null || row.check_in_latitude === null || row.check_in_longitude === null) return null;
  return {
    latitude: Number(row.check_in_latitude),
    longitude: Number(row.check_in_longitude),
    accuracyMeters: Number(row.check_in_accuracy_m ?? 0),
    address: row.check_in_address,
    checkedInAt: row.checked_in_at,
  };
}
