import { leadCreate, type Locale, type PublicLeadForm, type publicLeadSubmission } from '@crm/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound, type ErrorDetail } from '../../platform/errors.js';
import { parse } from '../../platform/validation.js';
import { insertLeads } from '../leads/index.js';
import { fieldsOf, presentPublicForm } from './lead-forms.presenter.js';
import * as repo from './lead-forms.repository.js';

type Submission = z.output<typeof publicLeadSubmission>;
type LeadInput = z.output<typeof leadCreate>;

/** A public form by its link; unknown, deleted and switched-off forms all look the same: 404. */
export async function getPublicForm(ctx: AppContext, token: string): Promise<PublicLeadForm> {
  const row = await repo.findOpenByToken(ctx.db, token);
  if (!row) throw notFound();
  return presentPublicForm(row);
}

/** Form values as the lead's fields want them: blanks left out, numbers typed as text read as numbers and the reverse. */
function leadValue(field: string, value: string | number): string | number | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    if (field === 'age' && /^\d{1,3}$/.test(text)) return Number(text);
    return text;
  }
  return field === 'age' ? value : String(value);
}

/**
 * The lead a submission makes: only the form's fields, the required ones filled, each value
 * checked by the same schema as a lead typed in by hand; every problem reported at once under
 * `values.<field>`.
 */
function leadInputOf(form: repo.FormRow, values: Submission['values'], locale: Locale): LeadInput {
  const fields = fieldsOf(form);
  const asked = new Map(fields.map((f) => [f.field as string, f]));
  const details: ErrorDetail[] = [];
  const input: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    if (!asked.has(key)) {
      details.push({ path: `values.${key}`, message: 'leadFormUnknownField' });
      continue;
    }
    const value = leadValue(key, raw);
    if (value !== undefined) input[key] = value;
  }
  for (const f of fields) if (f.required && input[f.field] === undefined) details.push({ path: `values.${f.field}`, message: 'leadFormValueRequired' });
  // A company makes it an organisation's lead; the person who wrote is its contact.
  const lead = { ...input, kind: input.company ? 'organization' : 'person', source: form.source };
  try {
    const parsed = parse(leadCreate, lead, locale);
    if (details.length === 0) return parsed;
  } catch (error) {
    if (!(error instanceof AppError) || !error.details) throw error;
    const reported = new Set(details.map((d) => d.path));
    for (const d of error.details) {
      const path = `values.${d.path}`;
      if (!reported.has(path)) details.push({ path, message: d.message });
    }
  }
  throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}

/**
 * Count a submission from this address (across every form) before anything else: invalid and
 * failing submissions count too, and the count stays when the submission is refused or fails.
 * 429 once the address has sent the most the window allows.
 */
async function countSubmission(ctx: AppContext, ip: string): Promise<void> {
  const { count, minutes } = ctx.config.formRateLimit;
  const wait = await ctx.throttle.attempt(`lead-form-ip:${ip}`, count, minutes * 60_000);
  if (wait > 0) throw new AppError('RATE_LIMITED', 'leadFormRateLimited', undefined, undefined, { minutes: Math.max(1, Math.ceil(wait / 60_000)) });
}

/**
 * A submission of the public form becomes a lead of the form's source, owned by whoever the
 * assignment rules pick (or the lead pool). A filled honeypot gets the same thank-you and
 * nothing is stored, so a bot cannot tell it was caught.
 */
export async function submitPublicForm(ctx: AppContext, token: string, submission: Submission, meta: { ip: string; locale: Locale }): Promise<{ thankYou: string }> {
  const form = await repo.findOpenByToken(ctx.db, token);
  if (!form) throw notFound();
  await countSubmission(ctx, meta.ip);
  if (submission.website_url !== undefined && submission.website_url.trim() !== '') return { thankYou: form.thank_you };
  const input = leadInputOf(form, submission.values, meta.locale);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const [created] = await insertLeads(ctx, trx, [input], { actorId: null, action: 'create', formId: form.id, now });
    if (!created) throw new Error('insertLeads returned no lead');
    await repo.recordSubmission(trx, { formId: form.id, leadId: created.id, ip: meta.ip, at: now.toISOString() });
  });
  return { thankYou: form.thank_you };
}
