import {
  quoteTransitions,
  revisingStatuses,
  type ListResponse,
  type Locale,
  type Quote,
  type QuotePdfQuery,
  type QuoteRevision,
  type QuoteStatus,
  type quoteCreate,
  type quoteListQuery,
  type quoteStatusChange,
  type quoteUpdate,
} from '@crm/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { ownerScope, type Scope } from '../../platform/auth/scope.js';
import { companyTimeZone, localDate, readCompanyLogo, readCompanySettings } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, invalid, notFound, type ErrorDetail } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n.js';
import { normalizeForSearch } from '../../platform/search.js';
import { startApproval, withdrawApproval } from '../approvals/index.js';
import { findVisible } from '../customers/index.js';
import { findVisibleDeal } from '../opportunities/index.js';
import { contentDisposition } from '../imports/index.js';
import { userNames } from '../users/index.js';
import { priceLines } from './quotes.lines.js';
import { quotePdfFileName, renderQuotePdf } from './quotes.pdf.js';
import { documentOf, presentQuote } from './quotes.presenter.js';
import * as repo from './quotes.repository.js';

type Db = AppContext['db'];

/** The data scope of quotes: their owners, as for deals. */
export function quoteScope(actor: Actor): Scope {
  return ownerScope(actor, 'quotes');
}

class Problems {
  readonly details: ErrorDetail[] = [];
  add(path: string, message: MessageKey): void {
    this.details.push({ path, message });
  }
  throwIfAny(): void {
    if (this.details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', this.details);
  }
}

async function present(ctx: AppContext, actor: Actor, rows: repo.QuoteView[], db: Db = ctx.db): Promise<Quote[]> {
  const names = await userNames(ctx, rows.map((r) => r.owner_id), db);
  return rows.map((r) => presentQuote(r, actor, names));
}

async function presentOne(ctx: AppContext, actor: Actor, row: repo.QuoteView, db: Db = ctx.db): Promise<Quote> {
  const names = await userNames(ctx, [row.owner_id], db);
  return presentQuote(row, actor, names, await repo.linesOf(db, row.id));
}

async function findVisibleQuote(db: Db, actor: Actor, id: number): Promise<repo.QuoteView> {
  const row = await repo.findById(db, id, quoteScope(actor));
  if (!row) throw notFound();
  return row;
}

export async function listQuotes(ctx: AppContext, actor: Actor, query: z.output<typeof quoteListQuery>): Promise<ListResponse<Quote>> {
  authorize(actor, 'quotes.view');
  const desc = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as repo.SortKey;
  const filter: repo.QuoteFilter = { scope: quoteScope(actor), q: query.q, customerId: query.customerId, opportunityId: query.opportunityId, ownerId: query.ownerId, status: query.status };
  const { rows, total } = await repo.list(ctx.db, filter, { key, desc }, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: await present(ctx, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getQuote(ctx: AppContext, actor: Actor, id: number): Promise<Quote> {
  authorize(actor, 'quotes.view');
  return presentOne(ctx, actor, await findVisibleQuote(ctx.db, actor, id));
}

/**
 * GET /quotes/:id/pdf: the quote as a PDF (a download), seen as GET /quotes/:id sees it (404
 * outside the data scope), labelled in `lang` or else the caller's language.
 */
export async function quotePdf(ctx: AppContext, actor: Actor, id: number, query: QuotePdfQuery, locale: Locale, reply: FastifyReply): Promise<Buffer> {
  const quote = await getQuote(ctx, actor, id);
  const language = query.lang ?? locale;
  const company = await readCompanySettings(ctx.db);
  const logo = company.logo ? await readCompanyLogo(ctx.db) : null;
  const pdf = await renderQuotePdf(quote, company, language, logo?.bytes ?? null);
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition(quotePdfFileName(quote, language)))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  return pdf;
}

/** The deal a quote names: live, visible to the actor and of the quote's customer, else a field problem. */
async function checkDeal(db: Db, actor: Actor, opportunityId: number | null | undefined, customerId: number, problems: Problems): Promise<void> {
  if (opportunityId === null || opportunityId === undefined) return;
  const deal = await findVisibleDeal(db, actor, opportunityId);
  if (!deal || deal.customerId !== customerId) problems.add('opportunityId', 'quoteUnknownOpportunity');
}

async function today(ctx: AppContext, db: Db): Promise<string> {
  return localDate(ctx.clock.now(), await companyTimeZone(db));
}

const searchOf = (number: string, title: string) => `${number.toLowerCase()} ${title.toLowerCase()} ${normalizeForSearch(title)}`;

/** BJ-2026-000123: the company year's next number. */
export function quoteNumber(year: number, sequence: number): string {
  return `BJ-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Create a quote (v1, draft) for a customer the actor may edit; a deal's first quote becomes its current one. */
export async function createQuote(ctx: AppContext, actor: Actor, input: z.output<typeof quoteCreate>): Promise<Quote> {
  authorize(actor, 'quotes.create');
  const at = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const problems = new Problems();
    const customer = await findVisible(trx, actor, input.customerId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (!customer) problems.add('customerId', 'unknownCustomer');
    if (customer) await checkDeal(trx, actor, input.opportunityId, customer.id, problems);
    const day = await today(ctx, trx);
    const priced = await priceLines(trx, input.lines ?? [], customer ?? { category: null, province: null }, day, problems);
    problems.throwIfAny();
    if (!customer) throw new Error('checked above');
    const year = Number(day.slice(0, 4));
    const number = quoteNumber(year, await repo.reserveNumber(trx, year));
    const opportunityId = input.opportunityId ?? null;
    let current = 0;
    if (opportunityId !== null) {
      await repo.lockDealQuotes(trx, opportunityId);
      current = (await repo.currentOf(trx, opportunityId)) === undefined ? 1 : 0;
    }
    const quoteId = await repo.insert(trx, {
      number,
      revision: 1,
      customer_id: customer.id,
      opportunity_id: opportunityId,
      owner_id: actor.userId,
      title: input.title,
      status: 'draft',
      is_current: current,
      valid_until: input.validUntil,
      terms: input.terms ?? null,
      currency: 'CNY',
      subtotal: priced.subtotal,
      tax_total: priced.taxTotal,
      total: priced.total,
      search: searchOf(number, input.title),
      deleted_at: null,
      deleted_by: null,
      version: 1,
      created_at: at,
      updated_at: at,
      created_by: actor.userId,
      updated_by: actor.userId,
    });
    await repo.replaceLines(trx, quoteId, priced.lines);
    return quoteId;
  });
  return getQuote(ctx, actor, id);
}

/**
 * Change a quote. A draft changes in place; a sent, rejected or expired quote keeps its revision
 * as it was and becomes the next revision, a draft. An accepted quote is final, and one awaiting
 * approval is withdrawn before it changes (409).
 */
export async function updateQuote(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof quoteUpdate>): Promise<Quote> {
  authorize(actor, 'quotes.edit');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleQuote(trx, actor, id);
    if (row.version !== input.version) throw conflict(await presentOne(ctx, actor, row, trx));
    if (row.status === 'accepted') throw new AppError('CONFLICT', 'quoteAccepted');
    // What the approvers are deciding on does not change under them: withdraw first.
    if (row.status === 'awaiting_approval') throw new AppError('CONFLICT', 'quoteAwaitingApproval');
    const problems = new Problems();
    await checkDeal(trx, actor, input.opportunityId, row.customer_id, problems);
    const customer = await findVisible(trx, actor, row.customer_id).catch(() => null);
    const priced = input.lines ? await priceLines(trx, input.lines, customer ?? { category: null, province: null }, await today(ctx, trx), problems) : null;
    problems.throwIfAny();

    const changes: Partial<repo.QuoteRow> = { updated_at: at, updated_by: actor.userId, status: 'draft' };
    if (revisingStatuses.includes(row.status as QuoteStatus)) {
      await repo.insertRevision(trx, { quote_id: id, revision: row.revision, document: JSON.stringify(documentOf(row, await repo.linesOf(trx, id))), saved_at: at, saved_by: actor.userId });
      changes.revision = row.revision + 1;
    }
    if (input.title !== undefined) Object.assign(changes, { title: input.title, search: searchOf(row.number, input.title) });
    if (input.validUntil !== undefined) changes.valid_until = input.validUntil;
    if (input.terms !== undefined) changes.terms = input.terms;
    if (priced) Object.assign(changes, { subtotal: priced.subtotal, tax_total: priced.taxTotal, total: priced.total });
    if (input.opportunityId !== undefined && input.opportunityId !== row.opportunity_id) {
      changes.opportunity_id = input.opportunityId;
      changes.is_current = 0;
      if (input.opportunityId !== null) {
        await repo.lockDealQuotes(trx, input.opportunityId);
        if ((await repo.currentOf(trx, input.opportunityId)) === undefined) changes.is_current = 1;
      }
    }
    if (!(await repo.update(trx, id, input.version, changes))) throw conflict(await presentOne(ctx, actor, await findVisibleQuote(trx, actor, id), trx));
    if (priced) await repo.replaceLines(trx, id, priced.lines);
  });
  return getQuote(ctx, actor, id);
}

/**
 * Move a quote to another status along quoteTransitions; 409 when stale. Sending a draft that an
 * approval flow applies to submits it for approval instead (the answer's status says
 * awaiting_approval); asking for approval when no flow applies is refused. Moving a quote that
 * awaits approval back to draft withdraws its request.
 */
export async function changeQuoteStatus(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof quoteStatusChange>): Promise<Quote> {
  authorize(actor, 'quotes.edit');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleQuote(trx, actor, id);
    if (row.version !== input.version) throw conflict(await presentOne(ctx, actor, row, trx));
    if (!quoteTransitions[row.status as QuoteStatus].includes(input.status)) throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'status', message: 'quoteStatusMove' }]);
    let status = input.status;
    if (row.status === 'draft' && (status === 'sent' || status === 'awaiting_approval')) {
      const requestId = await startApproval(ctx, trx, actor, 'quote', id, at);
      if (requestId !== null) status = 'awaiting_approval';
      else if (status === 'awaiting_approval') throw invalid('status', 'quoteNoApprovalNeeded');
    }
    if (row.status === 'awaiting_approval') await withdrawApproval(trx, actor, 'quote', id, at);
    if (!(await repo.update(trx, id, input.version, { status, updated_at: at, updated_by: actor.userId }))) {
      throw conflict(await presentOne(ctx, actor, await findVisibleQuote(trx, actor, id), trx));
    }
  });
  return getQuote(ctx, actor, id);
}

/**
 * Make this the current quote of its deal; the deal's other current quote stops being current.
 * Serialised per deal (lockDealQuotes), so two at once leave exactly one current.
 */
export async function makeQuoteCurrent(ctx: AppContext, actor: Actor, id: number, input: { version: number }): Promise<Quote> {
  authorize(actor, 'quotes.edit');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const first = await findVisibleQuote(trx, actor, id);
    if (first.opportunity_id === null) throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'opportunityId', message: 'quoteNeedsOpportunity' }]);
    await repo.lockDealQuotes(trx, first.opportunity_id);
    // Read again under the lock: a parallel call may have moved it.
    const row = await findVisibleQuote(trx, actor, id);
    if (row.version !== input.version) throw conflict(await presentOne(ctx, actor, row, trx));
    if (row.is_current === 1 || row.opportunity_id === null) return;
    await repo.clearCurrent(trx, row.opportunity_id, id, at, actor.userId);
    if (!(await repo.update(trx, id, input.version, { is_current: 1, updated_at: at, updated_by: actor.userId }))) {
      throw conflict(await presentOne(ctx, actor, await findVisibleQuote(trx, actor, id), trx));
    }
  });
  return getQuote(ctx, actor, id);
}

/** Delete a quote (not an accepted one): it leaves the lists and stops being current; a pending approval is withdrawn. */
export async function deleteQuote(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'quotes.delete');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleQuote(trx, actor, id);
    if (row.status === 'accepted') throw new AppError('CONFLICT', 'quoteAccepted');
    if (row.status === 'awaiting_approval') await withdrawApproval(trx, actor, 'quote', id, at);
    if (row.opportunity_id !== null) await repo.lockDealQuotes(trx, row.opportunity_id);
    if (!(await repo.update(trx, id, row.version, { deleted_at: at, deleted_by: actor.userId, is_current: 0, updated_at: at, updated_by: actor.userId }))) {
      throw conflict(await presentOne(ctx, actor, await findVisibleQuote(trx, actor, id), trx));
    }
  });
}

/** Every revision of a quote, oldest first: the kept ones as they were, then the current one. */
export async function quoteRevisions(ctx: AppContext, actor: Actor, id: number): Promise<{ items: QuoteRevision[] }> {
  authorize(actor, 'quotes.view');
  const row = await findVisibleQuote(ctx.db, actor, id);
  const kept = await repo.revisionsOf(ctx.db, id);
  const items: QuoteRevision[] = kept.map((k) => ({ revision: k.revision, savedAt: k.saved_at, savedBy: k.saved_by, current: false, document: JSON.parse(k.document) as QuoteRevision['document'] }));
  items.push({ revision: row.revision, savedAt: row.updated_at, savedBy: row.updated_by, current: true, document: documentOf(row, await repo.linesOf(ctx.db, id)) });
  return { items };
}
