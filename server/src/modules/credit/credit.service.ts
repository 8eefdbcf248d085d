import type { CreditAssessment, CreditEvidence, CreditRating, FieldChange, Locale, OrganizationProfile, creditAssessmentUpdate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, invalid } from '../../platform/errors.js';
import { findReadable, findVisible, historyFields, lockCustomers, recordView, writeCustomers, type CustomerRow } from '../customers/index.js';
import { diffRecords, recordChange } from '../history/index.js';
import { dueInstalmentsOf } from '../receivables/index.js';
import { userNames } from '../users/index.js';
import { explainFactors, explainTotal } from './credit.explain.js';
import * as repo from './credit.repository.js';
import { paymentRecord, scoreCredit, type CreditResult } from './credit.score.js';
import { readCreditSettings } from './credit.settings.js';

type Db = AppContext['db'];
const historyLimit = 20;

/** 6C is for organisations: a person customer is a field-level refusal on its kind. */
function assertOrganization(row: CustomerRow): void {
  if (row.kind !== 'organization') throw invalid('kind', 'creditOrganizationsOnly');
}

async function present(ctx: AppContext, db: Db, customerId: number, locale: Locale): Promise<CreditAssessment> {
  const rows = await repo.assessmentsOf(db, customerId, historyLimit);
  const names = await userNames(ctx, rows.map((r) => r.assessed_by), db);
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  const history = rows.map((r) => ({ version: r.version, rating: r.rating as CreditRating, totalScore: Number(r.total_score), assessedAt: r.assessed_at, assessedByName: nameOf(r.assessed_by) }));
  const current = rows[0];
  if (!current) {
    return { customerId, version: 0, evidence: null, factors: [], totalScore: null, rating: null, totalFormula: null, policy: null, assessedAt: null, assessedByName: null, history: [] };
  }
  const result = JSON.parse(current.result) as CreditResult;
  return {
    customerId,
    version: current.version,
    evidence: JSON.parse(current.evidence) as CreditEvidence,
    factors: explainFactors(result, locale),
    totalScore: result.total,
    rating: result.rating,
    totalFormula: explainTotal(result, locale),
    policy: result.policy,
    assessedAt: current.assessed_at,
    assessedByName: nameOf(current.assessed_by),
    history,
  };
}

/** The current 6C assessment of an organisation customer the actor may read (404 outside the scope), with its history. */
export async function getCreditAssessment(ctx: AppContext, actor: Actor, customerId: number, locale: Locale): Promise<CreditAssessment> {
  authorize(actor, 'customers.view');
  assertOrganization(await findReadable(ctx.db, actor, customerId));
  return present(ctx, ctx.db, customerId, locale);
}

/**
 * Save a new assessment from the evidence (Character from the customer's payment record as of
 * today), with the version read (409 with the current assessment when stale), and apply the
 * rating's policy to the customer: its credit standing and credit limit, which the quote and
 * contract approvals read, written through the customers module and recorded on its timeline.
 */
export async function updateCreditAssessment(ctx: AppContext, actor: Actor, customerId: number, input: z.output<typeof creditAssessmentUpdate>, locale: Locale): Promise<CreditAssessment> {
  authorize(actor, 'customers.edit');
  assertOrganization(await findVisible(ctx.db, actor, customerId));
  const evidence: CreditEvidence = {
    currentAssets: input.currentAssets ?? null,
    currentLiabilities: input.currentLiabilities ?? null,
    inventory: input.inventory ?? null,
    totalAssets: input.totalAssets ?? null,
    totalLiabilities: input.totalLiabilities ?? null,
    ownersEquity: input.ownersEquity ?? null,
    collateralValue: input.collateralValue ?? null,
    requestedLimit: input.requestedLimit ?? null,
    conditionsRating: input.conditionsRating ?? null,
    conditionsNote: input.conditionsNote ?? null,
    relationshipStability: input.relationshipStability ?? null,
    note: input.note ?? null,
  };
  const settings = await readCreditSettings(ctx.db);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = localDate(now, await companyTimeZone(ctx.db));
  await ctx.db.transaction().execute(async (trx) => {
    // One save at a time per customer (PostgreSQL; SQLite write transactions are serial already):
    // the version compared below is the one committed last.
    await lockCustomers(trx, ctx.engine, [customerId]);
    const row = await findVisible(trx, actor, customerId);
    assertOrganization(row);
    const [previous] = await repo.assessmentsOf(trx, customerId, 1);
    const version = previous?.version ?? 0;
    if (version !== input.version) throw conflict(await present(ctx, trx, customerId, locale));
    const organization = JSON.parse(row.organization) as OrganizationProfile;
    const payments = paymentRecord(await dueInstalmentsOf(trx, customerId, today), today);
    const result = scoreCredit(evidence, payments, organization.foundedYear ?? null, Number(today.slice(0, 4)), settings);
    await repo.insertAssessment(trx, {
      customer_id: customerId, version: version + 1, rating: result.rating, total_score: result.total,
      evidence: JSON.stringify(evidence), result: JSON.stringify(result), assessed_at: at, assessed_by: actor.userId,
    });
    const next = { ...organization, creditStanding: result.policy.creditStanding, creditLimit: result.policy.creditLimit };
    const values = { organization: JSON.stringify(next) };
    const changes: FieldChange[] = diffRecords(recordView(row), recordView({ ...row, ...values }), historyFields);
    const ratingChange: FieldChange[] = previous?.rating === result.rating ? [] : [{ field: 'creditRating', old: previous?.rating ?? null, new: result.rating }];
    if (changes.length > 0) {
      const written = await writeCustomers(trx, ctx, [{ row, values, timeline: [{ action: 'update', label: row.name, changes: [...ratingChange, ...changes] }] }], { actorId: actor.userId, at });
      // The row is locked (PostgreSQL) or the transaction serial (SQLite): only a bug lands here.
      if (!written.has(customerId)) throw conflict(await present(ctx, trx, customerId, locale));
    } else if (ratingChange.length > 0) {
      await recordChange(trx, { entityType: 'customer', entityId: customerId, customerId, action: 'update', actorId: actor.userId, at, label: row.name, changes: ratingChange });
    }
  });
  return present(ctx, ctx.db, customerId, locale);
}
