import { contactCreate, customerCreate, opportunityCreate, type LeadConvertResult, type leadConvert } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, notFound, type ErrorDetail } from '../../platform/errors.js';
import { bulkCreateContacts } from '../contacts/index.js';
import { bulkCreateCustomers, findVisible as findVisibleCustomer, lockCustomers } from '../customers/index.js';
import { recordChange } from '../history/index.js';
import { matchListItem, readIndustries } from '../lists/index.js';
import { createOpportunityInTrx } from '../opportunities/index.js';
import { convertibleStatuses } from './leads.presenter.js';
import * as repo from './leads.repository.js';
import { findVisible, getLead, presentLeads, staleLead } from './leads.service.js';

type Db = AppContext['db'];

/** Parse what conversion builds from the lead with the target's own schema; issues under `prefix`. */
function build<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('VALIDATION_FAILED', 'validationFailed', parsed.error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: 'validationFailed' })));
}

/** Run a step whose field errors belong under a part of the request (`opportunity.stageId`). */
async function under<T>(prefix: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED' && error.details) {
      const details: ErrorDetail[] = error.details.map((d) => ({ ...d, path: `${prefix}.${d.path}` }));
      throw new AppError(error.code, error.messageKey, details, error.current, error.params);
    }
    throw error;
  }
}

/**
 * Convert a lead, in one transaction: a new customer (or an existing one in the caller's scope),
 * a contact made from the lead's person (organisation customers only: a person customer is the
 * person), and optionally an opportunity. The new customer gets the lead's source, region and
 * contact details, and the lead's owner (the caller's when the lead sat in the pool); the lead
 * keeps links to all three. New, contacting and qualified leads convert; converted and
 * disqualified ones do not.
 */
export async function convertLead(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof leadConvert>): Promise<LeadConvertResult> {
  authorize(actor, 'leads.convert');
  if (input.customer.mode === 'new') authorize(actor, 'customers.create');
  if (input.opportunity) authorize(actor, 'opportunities.create');
  const spec = input.customer;
  const now = ctx.clock.now().toISOString();
  const done = await ctx.db.transaction().execute(async (trx: Db) => {
    // Of two conversions at once the second waits here, then finds the lead converted. The
    // existing customer first: a merge locks customers before the leads it moves.
    if (spec.mode === 'existing') await lockCustomers(trx, ctx.engine, [spec.customerId]);
    await repo.lock(trx, ctx.engine, id);
    const row = await findVisible(trx, actor, id);
    // Stale first: a lead converted since the caller read it is a conflict, not a mistake.
    if (row.version !== input.version) throw conflict((await presentLeads(ctx, actor, [row], trx))[0]);
    if (!convertibleStatuses.includes(row.status)) throw new AppError('BAD_REQUEST', 'leadNotConvertible');
    const ownerId = row.owner_id ?? actor.userId;

    let customer: { id: number; kind: string; isNew: boolean };
    if (spec.mode === 'existing') {
      if (!can(actor, 'customers.view')) throw notFound();
      const existing = await findVisibleCustomer(trx, actor, spec.customerId);
      customer = { id: existing.id, kind: existing.kind, isNew: false };
    } else {
      const kind = spec.kind ?? row.kind;
      const name = spec.name ?? (kind === 'organization' ? (row.company ?? row.name) : row.name);
      // A lead's industry is free text; the customer's is an item of the industries list, when one matches.
      const industry = matchListItem((await readIndustries(trx)).items, row.industry)?.key ?? null;
      const customerInput = build(customerCreate, {
        kind, name, source: row.source, industry, province: row.province, city: row.city, district: row.district, address: row.address,
        phone: row.phone, mobile: row.mobile, email: row.email,
        ...(kind === 'person' ? { person: { gender: row.gender, wechat: row.wechat, employer: row.company, jobTitle: row.job_title, annualIncome: row.annual_income === null ? null : Number(row.annual_income) } } : {}),
      }, 'customer');
      const [created] = await bulkCreateCustomers(trx, ctx, [{ input: customerInput, ownerId }], { actorId: actor.userId, at: now, action: 'create' });
      if (!created) throw new Error('customer not created');
      customer = { id: created.id, kind, isNew: true };
    }

    let contactId: number | null = null;
    if (input.createContact && customer.kind === 'organization') {
      const contactInput = build(contactCreate, {
        customerId: customer.id, name: row.name.slice(0, 60), title: row.job_title, mobile: row.mobile, phone: row.phone, email: row.email, wechat: row.wechat, isPrimary: customer.isNew,
      }, 'createContact');
      const [created] = await bulkCreateContacts(trx, ctx, [{ input: contactInput }], { actorId: actor.userId, at: now, action: 'create' });
      contactId = created ?? null;
    }

    let opportunityId: number | null = null;
    const deal = input.opportunity;
    if (deal) {
      const dealInput = build(opportunityCreate, {
        name: deal.name, customerId: customer.id, amount: deal.amount, currency: deal.currency, expectedCloseDate: deal.expectedCloseDate,
        ...(deal.pipelineId !== undefined ? { pipelineId: deal.pipelineId } : {}),
        ...(deal.stageId !== undefined ? { stageId: deal.stageId } : {}),
        ownerId, source: row.source, contacts: contactId === null ? [] : [{ contactId, role: 'decision_maker' }],
      }, 'opportunity');
      opportunityId = await under('opportunity', () => createOpportunityInTrx(ctx, trx, actor, dealInput, { leadId: id, source: row.source, at: now }));
    }

    const converted = await repo.update(trx, id, row.version, {
      status: 'converted', converted_customer_id: customer.id, converted_contact_id: contactId, converted_opportunity_id: opportunityId,
      converted_at: now, converted_by: actor.userId, owner_id: ownerId, owner_since: row.owner_id === null ? now : row.owner_since, updated_at: now, updated_by: actor.userId,
    });
    if (!converted) throw await staleLead(ctx, actor, id, trx);
    // One entry with the customer set: it shows in the lead's history and on the customer's timeline.
    await recordChange(trx, {
      entityType: 'lead', entityId: id, customerId: customer.id, action: 'convert', actorId: actor.userId, at: now, label: row.name,
      changes: [
        { field: 'status', old: row.status, new: 'converted' },
        { field: 'customerId', old: null, new: customer.id },
        ...(contactId !== null ? [{ field: 'contactId', old: null, new: contactId }] : []),
        ...(opportunityId !== null ? [{ field: 'opportunityId', old: null, new: opportunityId }] : []),
        ...(row.owner_id === null ? [{ field: 'ownerId', old: null, new: ownerId }] : []),
      ],
    });
    return { customerId: customer.id, contactId, opportunityId };
  });
  return { lead: await getLead(ctx, actor, id), ...done };
}
