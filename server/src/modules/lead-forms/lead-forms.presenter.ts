import type { LeadForm, LeadFormFieldKey, PublicLeadForm } from '@crm/contracts';
import type { FormRow } from './lead-forms.repository.js';

/** A field as stored in `lead_forms.fields` (JSON). */
export interface StoredField {
  field: LeadFormFieldKey;
  required: boolean;
  label?: string;
}

export function fieldsOf(row: Pick<FormRow, 'fields'>): StoredField[] {
  return JSON.parse(row.fields) as StoredField[];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The public page's path: what the link and the iframe point at. */
export function formPath(token: string): string {
  return `/f/${token}`;
}

/** What an administrator sees of a form, with the link and the HTML to embed it (`origin`: where users reach the server). */
export function presentForm(row: FormRow, origin: string): LeadForm {
  const url = formPath(row.token);
  const title = row.title ?? row.name;
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    token: row.token,
    name: row.name,
    title: row.title,
    description: row.description,
    fields: fieldsOf(row).map((f) => ({ field: f.field, required: f.required, label: f.label ?? null })),
    thankYou: row.thank_you,
    source: row.source,
    active: row.active === 1,
    submissionCount: row.submission_count,
    url,
    embedHtml: `<iframe src="${escapeHtml(origin + url)}" title="${escapeHtml(title)}" width="100%" height="640" style="border:0;max-width:640px" loading="lazy"></iframe>`,
  };
}

/** What the public page needs, nothing else (no ids, source, counts or names of the administrator). */
export function presentPublicForm(row: FormRow): PublicLeadForm {
  return {
    title: row.title ?? row.name,
    description: row.description,
    fields: fieldsOf(row).map((f) => ({ field: f.field, required: f.required, label: f.label ?? null })),
  };
}
