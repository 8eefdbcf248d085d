import type { CustomerEmailResult, customerEmailCreate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { t } from '../../platform/i18n.js';
import { liveContactsOf } from '../contacts/index.js';
import { findReadable } from '../customers/index.js';
import { enqueueEmail, outboxEmail } from '../email/index.js';
import { mailRecipients } from '../users/index.js';
import { createFollowUp } from './followups.service.js';

/** What a follow-up's content may hold (contracts/src/activities.ts). */
const contentMax = 4000;

/**
 * Email a customer you may see (followups.create): to the address given, else the contact's (a
 * live contact of this customer), else the customer's. The email goes through the outbox and an
 * `email` follow-up with its subject and text lands on the customer's timeline, both in one
 * transaction. Replies go to the writer.
 */
export async function emailCustomer(ctx: AppContext, actor: Actor, customerId: number, input: z.output<typeof customerEmailCreate>): Promise<CustomerEmailResult> {
  authorize(actor, 'followups.create');
  const customer = await findReadable(ctx.db, actor, customerId);
  let contact: { id: number; email: string | null } | undefined;
  if (input.contactId !== undefined) {
    contact = (await liveContactsOf(ctx.db, [customer.id])).find((c) => c.id === input.contactId);
    if (!contact) throw invalid('contactId', 'customerEmailContactNotOfCustomer');
  }
  const to = input.to ?? contact?.email ?? customer.email;
  if (!to) throw invalid('to', 'customerEmailNoAddress');
  const writer = (await mailRecipients(ctx.db, [actor.userId])).get(actor.userId);
  const heading = t(actor.locale, 'customerEmailFollowUp', { to, subject: input.subject });
  const content = `${heading}\n\n${input.body}`;
  let emailId = 0;
  const followUp = await createFollowUp(
    ctx,
    actor,
    { customerId: customer.id, kind: 'email', content: content.length > contentMax ? `${content.slice(0, contentMax - 1)}…` : content, contactIds: contact ? [contact.id] : undefined },
    async (trx, followUpId) => {
      emailId = await enqueueEmail(trx, {
        kind: 'customer',
        to,
        subject: input.subject,
        text: input.body,
        locale: actor.locale,
        replyTo: writer ? { address: writer.email, name: writer.name } : null,
        customerId: customer.id,
        followUpId,
        createdBy: actor.userId,
        at: ctx.clock.now().toISOString(),
      });
    },
  );
  return { email: await outboxEmail(ctx.db, emailId), followUp };
}
