import type { Contract, contractFrom } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { liveContactsOf, readableContactIds } from '../contacts/index.js';
import { findDealForContract } from '../opportunities/index.js';
import { currentQuoteForContract, findQuoteForContract } from '../quotes/index.js';
import * as repo from './contracts.repository.js';
import { checkDates, editableCustomer, getContract, insertContract } from './contracts.service.js';
import { Problems } from './problems.js';

type Db = AppContext['db'];

/** A deal's contacts the actor may read that are still live contacts of the customer (a contract carries those). */
async function carriedContacts(db: Db, actor: Actor, customerId: number, contacts: Array<{ contactId: number; role: string }>): Promise<Array<{ contactId: number; role: string }>> {
  if (contacts.length === 0) return [];
  const readable = await readableContactIds(db, actor, contacts.map((c) => c.contactId));
  const live = new Set((await liveContactsOf(db, [customerId])).map((c) => c.id));
  return contacts.filter((c) => readable.has(c.contactId) && live.has(c.contactId));
}

/**
 * A draft contract from an accepted quote: its customer (one the actor may edit), deal, lines and
 * amount, and the deal's contacts. One contract per quote: serialised per quote and kept by a
 * unique index, so of two calls at once the second is a 409.
 */
export async function contractFromQuote(ctx: AppContext, actor: Actor, quoteId: number, input: z.output<typeof contractFrom>): Promise<Contract> {
  authorize(actor, 'contracts.create');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const quote = await findQuoteForContract(trx, actor, quoteId);
    if (!quote) throw notFound();
    if (quote.status !== 'accepted') throw new AppError('CONFLICT', 'contractQuoteNotAccepted');
    const problems = new Problems();
    const customer = await editableCustomer(trx, actor, quote.customerId, problems);
    checkDates(input.startsOn ?? null, input.endsOn ?? null, problems);
    problems.throwIfAny();
    if (!customer) throw new Error('checked above');
    await repo.lockQuoteContracts(trx, quote.id);
    if ((await repo.ofQuote(trx, quote.id)) !== undefined) throw new AppError('CONFLICT', 'contractQuoteTaken');
    // The deal and its contacts come along when the actor may see the deal.
    const deal = quote.opportunityId === null ? undefined : await findDealForContract(trx, actor, quote.opportunityId);
    return insertContract(ctx, trx, actor, {
      kind: input.kind,
      customerId: customer.id,
      opportunityId: deal ? deal.id : null,
      quoteId: quote.id,
      title: input.title ?? quote.title,
      signedOn: input.signedOn ?? null,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      amount: quote.total,
      subtotal: quote.subtotal,
      taxTotal: quote.taxTotal,
      lines: quote.lines,
      contacts: deal ? await carriedContacts(trx, actor, customer.id, deal.contacts) : [],
      notes: null,
    });
  });
  return getContract(ctx, actor, id);
}

/**
 * A draft contract from a won deal: its customer, amount (the won amount; in the base currency
 * when the deal is in another), its current quote's lines when the actor may see it (then the
 * amount is their sum), and its contacts with their roles.
 */
export async function contractFromDeal(ctx: AppContext, actor: Actor, opportunityId: number, input: z.output<typeof contractFrom>): Promise<Contract> {
  authorize(actor, 'contracts.create');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const deal = await findDealForContract(trx, actor, opportunityId);
    if (!deal) throw notFound();
    if (deal.status !== 'won') throw new AppError('CONFLICT', 'contractDealNotWon');
    const problems = new Problems();
    const customer = await editableCustomer(trx, actor, deal.customerId, problems);
    checkDates(input.startsOn ?? null, input.endsOn ?? null, problems);
    problems.throwIfAny();
    if (!customer) throw new Error('checked above');
    const quote = await currentQuoteForContract(trx, actor, deal.id);
    const withLines = quote !== undefined && quote.lines.length > 0 && quote.customerId === customer.id;
    const dealAmount = deal.currency === 'CNY' ? (deal.wonAmount ?? deal.amount) : (deal.wonAmountBase ?? deal.amountBase);
    return insertContract(ctx, trx, actor, {
      kind: input.kind,
      customerId: customer.id,
      opportunityId: deal.id,
      quoteId: null,
      title: input.title ?? deal.name,
      signedOn: input.signedOn ?? null,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      amount: withLines ? quote.total : dealAmount,
      subtotal: withLines ? quote.subtotal : null,
      taxTotal: withLines ? quote.taxTotal : null,
      lines: withLines ? quote.lines : [],
      contacts: await carriedContacts(trx, actor, customer.id, deal.contacts),
      notes: null,
    });
  });
  return getContract(ctx, actor, id);
}
