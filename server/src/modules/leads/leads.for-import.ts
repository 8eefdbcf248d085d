import { withCanonicalRegion } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { diffRecords, recordChange } from '../history/index.js';
import { notify } from '../notifications/index.js';
import { historyFields, recordView } from './leads.presenter.js';
import { leadKeys, manAnswers, manColumns, searchText, type LeadInput } from './leads.records.js';
import * as repo from './leads.repository.js';
import { leadScope } from './leads.service.js';
import { unscoped } from '../../platform/auth/scope.js';

/**
 * What the archive's import (imports/leads.import.ts) needs of leads, inside the import's batch
 * transaction: the leads sharing a duplicate key, which of them the importer may see, and the
 * update of a matched lead from a spreadsheet row. New leads go through insertLeads.
 */
type Db = AppContext['db'];
export type ImportedLeadRow = repo.LeadRow;

/** Live leads holding any of these keys (`p:` phone, `e:` email...): lead id -> the keys it holds. */
export function leadsWithKeys(db: Db, keys: string[]): Promise<Map<number, Set<string>>> {
  return repo.leadsWithKeys(db, keys);
}

/** Every duplicate key of these leads (to tell a conflicting phone or email from a missing one). */
export function leadKeysOf(db: Db, ids: number[]): Promise<Map<number, Set<string>>> {
  return repo.keysOfLeads(db, ids);
}

/** Live leads by id, and which of them are in the actor's data scope (the lead pool included). */
export async function leadsByIds(db: Db, ids: number[], actor: Actor): Promise<{ rows: Map<number, repo.LeadRow>; visible: Set<number> }> {
  const rows = new Map((await repo.findByIds(db, ids, unscoped('every live lead; which are visible is computed next'))).map((r) => [r.id, r]));
  const visible = new Set((await repo.findByIds(db, [...rows.keys()], leadScope(actor))).map((r) => r.id));
  return { rows, visible };
}

/** An import row's change to a matched lead: the values of the columns it filled, and its owner cell (undefined: none). */
export interface LeadImportChange {
  input: LeadInput;
  /** Lead fields the row gave a value for: only these change. */
  provided: ReadonlySet<string>;
  ownerId: number | null | undefined;
}

const plainColumns = [
  ['name', 'name'], ['company', 'company'], ['jobTitle', 'job_title'], ['gender', 'gender'], ['age', 'age'], ['mobile', 'mobile'], ['phone', 'phone'],
  ['email', 'email'], ['wechat', 'wechat'], ['province', 'province'], ['city', 'city'], ['district', 'district'], ['address', 'address'],
  ['industry', 'industry'], ['occupation', 'occupation'], ['annualIncome', 'annual_income'], ['source', 'source'], ['creditStanding', 'credit_standing'], ['notes', 'notes'],
] as const;

/**
 * Update a matched lead with an import row (the importer holds leads.edit; the owner cell was
 * checked like the form's). Status, conversion and the form stay. Unchanged: no new version, no
 * timeline entry. A new owner other than the importer is notified.
 */
export async function importUpdateLead(db: Db, actor: Actor, row: repo.LeadRow, change: LeadImportChange, at: string): Promise<{ row: repo.LeadRow; changed: boolean }> {
  const { input, provided } = change;
  const changes: Partial<repo.LeadRow> = {};
  if (provided.has('kind')) changes.kind = input.kind;
  for (const [key, column] of plainColumns) {
    const value = input[key];
    if (provided.has(key) && value !== undefined && value !== null) Object.assign(changes, { [column]: value });
  }
  if (provided.has('manMoney') || provided.has('manAuthority') || provided.has('manNeed')) {
    const answers = manAnswers(row);
    Object.assign(
      changes,
      manColumns(
        provided.has('manMoney') && input.manMoney !== undefined ? input.manMoney : answers.money,
        provided.has('manAuthority') && input.manAuthority !== undefined ? input.manAuthority : answers.authority,
        provided.has('manNeed') && input.manNeed !== undefined ? input.manNeed : answers.need,
      ),
    );
  }
  if (change.ownerId !== undefined && change.ownerId !== row.owner_id) {
    changes.owner_id = change.ownerId;
    changes.owner_since = change.ownerId === null ? null : at;
  }
  Object.assign(changes, withCanonicalRegion(row, changes)); // one spelling of a municipality
  const next: repo.LeadRow = { ...row, ...changes };
  const diff = diffRecords(recordView(row), recordView(next), historyFields);
  if (diff.length === 0) return { row, changed: false };
  if (!(await repo.update(db, row.id, row.version, { ...changes, search: searchText(next), updated_at: at, updated_by: actor.userId }))) return { row, changed: false };
  if (leadKeys(row).join('\n') !== leadKeys(next).join('\n')) await repo.replaceKeys(db, row.id, leadKeys(next));
  await recordChange(db, { entityType: 'lead', entityId: row.id, action: 'import', actorId: actor.userId, at, label: next.name, changes: diff });
  if (changes.owner_id !== undefined && changes.owner_id !== null && changes.owner_id !== actor.userId) {
    await notify(db, { userId: changes.owner_id, kind: 'lead_assigned', params: { lead: next.name, by: actor.name }, entityType: 'lead', entityId: row.id, at });
  }
  return { row: { ...next, version: row.version + 1, updated_at: at, updated_by: actor.userId }, changed: true };
}
