import { z } from 'zod';
import { listOf, pageQuery, settingsVersion } from './common.js';

/**
 * Files attached to customers and contacts. Upload: POST the file itself as the request body
 * (Content-Type application/octet-stream) to /customers/:id/attachments?fileName=... or
 * /contacts/:id/attachments?fileName=...; the extension must be allowed by the administrator and
 * the content must match it.
 */
export const defaultAttachmentExtensions = [
  'pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'txt', 'csv', 'zip',
] as const;
/** No upload is ever larger than this, whatever the setting says. */
export const attachmentHardLimitMb = 100;

export const attachment = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  /** Set for a contact's file. */
  contactId: z.number().int().nullable(),
  contactName: z.string().nullable(),
  /** Set for a contract's file (the signed scan). */
  contractId: z.number().int().nullable(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  /** Whether the caller may delete it (edit right on its record). */
  can: z.object({ delete: z.boolean() }),
});
export type Attachment = z.infer<typeof attachment>;
export const attachmentList = listOf(attachment);

export const attachmentListQuery = z.object({ page: pageQuery.page, pageSize: pageQuery.pageSize }).strict();

export const attachmentUploadQuery = z
  .object({
    /** Checked by the server too: no path separators or control characters. */
    fileName: z.string().trim().min(1).max(255),
  })
  .strict();
export type AttachmentUploadQuery = z.input<typeof attachmentUploadQuery>;

const extension = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]{1,10}$/);

export const attachmentSettingsValue = z.object({
  maxSizeMb: z.number().int().min(1).max(attachmentHardLimitMb).default(20),
  allowedExtensions: z.array(extension).min(1).max(100).default([...defaultAttachmentExtensions]),
});
export const attachmentSettings = z.object({
  maxSizeMb: z.number().int(),
  allowedExtensions: z.array(z.string()),
  /** 0 until an administrator saves them. */
  version: z.number().int(),
});
export type AttachmentSettings = z.infer<typeof attachmentSettings>;
export const attachmentSettingsUpdate = z
  .object({
    maxSizeMb: z.number().int().min(1).max(attachmentHardLimitMb),
    allowedExtensions: z.array(extension).min(1).max(100),
    version: settingsVersion,
  })
  .strict();
export type AttachmentSettingsUpdate = z.input<typeof attachmentSettingsUpdate>;
