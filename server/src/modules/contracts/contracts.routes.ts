import {
  contract,
  contractCreate,
  contractFrom,
  contractList,
  contractListQuery,
  contractNumbering,
  contractNumberingUpdate,
  contractRenewalSettings,
  contractRenewalSettingsUpdate,
  contractRenewals,
  contractRenewalsQuery,
  contractStatusChange,
  contractUpdate,
  historyList,
  idParams,
  pageQuery,
} from '@crm/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import { contractFromDeal, contractFromQuote } from './contracts.from.js';
import { listRenewals } from './contracts.renewals.js';
import * as service from './contracts.service.js';
import * as settings from './contracts.settings.js';

const historyPage = z.object({ page: pageQuery.page, pageSize: pageQuery.pageSize }).strict();

export function contractRoutes(r: Router, ctx: AppContext): void {
  const tag = 'contracts';
  r.route({ method: 'GET', url: '/contracts', access: 'contracts.view', summary: 'List and search contracts and orders within your data scope (by kind, one or several statuses, customer, deal, quote, owner, signing days, ending within N days)', tag, query: contractListQuery, response: contractList,
    handler: ({ actor, query }) => service.listContracts(ctx, actor, query) });
  r.route({ method: 'POST', url: '/contracts', access: 'contracts.create', summary: 'Create a draft contract or order (numbered by the pattern) for a customer you may edit; with lines the amount is their sum (fen)', tag, body: contractCreate, response: contract,
    handler: ({ actor, body }) => service.createContract(ctx, actor, body) });
  r.route({ method: 'GET', url: '/contracts/renewals', access: 'contracts.view', summary: 'Active contracts in your data scope ending within N days (default: the renewal setting), soonest first', tag, query: contractRenewalsQuery, response: contractRenewals,
    handler: ({ actor, query }) => listRenewals(ctx, actor, query) });
  r.route({ method: 'GET', url: '/contracts/:id', access: 'contracts.view', summary: 'Get a contract with its lines and contacts', tag, params: idParams, response: contract,
    handler: ({ actor, params }) => service.getContract(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/contracts/:id', access: 'contracts.edit', summary: 'Change a draft contract (one awaiting approval goes back to draft); 409 when stale or no longer a draft', tag, params: idParams, body: contractUpdate, response: contract,
    handler: ({ actor, params, body }) => service.updateContract(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/contracts/:id', access: 'contracts.delete', summary: "Move a contract to the recycle bin (an active one leaves the customer's transactions)", tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteContract(ctx, actor, params.id) });
  r.route({ method: 'POST', url: '/contracts/:id/status', access: 'contracts.edit', summary: "Move a contract to another status (active = signed: counts among the customer's transactions); 409 when stale", tag, params: idParams, body: contractStatusChange, response: contract, status: 200,
    handler: ({ actor, params, body }) => service.changeContractStatus(ctx, actor, params.id, body) });
  r.route({ method: 'GET', url: '/contracts/:id/history', access: 'contracts.view', summary: "A contract's history: creation, edits, status moves, files", tag, params: idParams, query: historyPage, response: historyList,
    handler: ({ actor, params, query }) => service.contractHistory(ctx, actor, params.id, query) });
  r.route({ method: 'POST', url: '/quotes/:id/contract', access: 'contracts.create', summary: "Make a draft contract from an accepted quote (its customer, deal, lines, amount and the deal's contacts); 409 when not accepted or already made", tag, params: idParams, body: contractFrom, response: contract,
    handler: ({ actor, params, body }) => contractFromQuote(ctx, actor, params.id, body) });
  r.route({ method: 'POST', url: '/opportunities/:id/contract', access: 'contracts.create', summary: "Make a draft contract from a won deal (its amount, its current quote's products, its contacts); 409 when not won", tag, params: idParams, body: contractFrom, response: contract,
    handler: ({ actor, params, body }) => contractFromDeal(ctx, actor, params.id, body) });

  const settingsTag = 'settings';
  r.route({ method: 'GET', url: '/settings/contract-numbering', access: 'settings.view', summary: 'The contract number pattern ({YYYY} {YY} {MM} {DD}, one {SEQn}, literal text) and an example', tag: settingsTag, response: contractNumbering,
    handler: ({ actor }) => settings.getContractNumbering(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/contract-numbering', access: 'settings.edit', summary: 'Change the contract number pattern (the sequence restarts when its date parts change); 409 when stale', tag: settingsTag, body: contractNumberingUpdate, response: contractNumbering,
    handler: ({ actor, body }) => settings.updateContractNumbering(ctx, actor, body) });
  r.route({ method: 'GET', url: '/settings/contract-renewals', access: 'settings.view', summary: 'How many days before its end a contract is listed for renewal and its owner notified', tag: settingsTag, response: contractRenewalSettings,
    handler: ({ actor }) => settings.getContractRenewalSettings(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/contract-renewals', access: 'settings.edit', summary: 'Change the renewal days; 409 when stale', tag: settingsTag, body: contractRenewalSettingsUpdate, response: contractRenewalSettings,
    handler: ({ actor, body }) => settings.updateContractRenewalSettings(ctx, actor, body) });
}
