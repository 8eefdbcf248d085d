import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import * as repo from './quotes.repository.js';
import { quoteScope } from './quotes.service.js';

type Db = AppContext['db'];

/** What a contract takes from a quote: its customer, deal, status, totals and priced lines. */
export interface QuoteForContract {
  id: number;
  number: string;
  title: string;
  status: string;
  customerId: number;
  opportunityId: number | null;
  currency: string;
  subtotal: number;
  taxTotal: number;
  total: number;
  lines: repo.NewQuoteLine[];
}

async function withLines(db: Db, row: repo.QuoteView): Promise<QuoteForContract> {
  const lines = (await repo.linesOf(db, row.id)).map(({ id: _id, quote_id: _quote, ...line }) => line);
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    customerId: row.customer_id,
    opportunityId: row.opportunity_id,
    currency: row.currency,
    subtotal: Number(row.subtotal),
    taxTotal: Number(row.tax_total),
    total: Number(row.total),
    lines,
  };
}

/** A live quote the actor may see, with its lines; undefined when hidden or missing. */
export async function findQuoteForContract(db: Db, actor: Actor, id: number): Promise<QuoteForContract | undefined> {
  const row = await repo.findById(db, id, quoteScope(actor));
  return row ? withLines(db, row) : undefined;
}

/** The current quote of a deal, if the actor may see it, with its lines. */
export async function currentQuoteForContract(db: Db, actor: Actor, opportunityId: number): Promise<QuoteForContract | undefined> {
  const id = await repo.currentOf(db, opportunityId);
  return id === undefined ? undefined : findQuoteForContract(db, actor, id);
}

