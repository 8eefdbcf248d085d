import { createHash } from 'node:crypto';
import { companyLogoMaxBytes, companyLogoMaxSide, type CompanySettings, type companyLogoUpload } from '@crm/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { readCompanyLogo, readCompanySettings, writeCompanyLogo } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n.js';
import { inspectImage, type ImageProblem } from '../../platform/images.js';
import { canEmbedImage } from '../../platform/pdf.js';

const problemMessages: Record<ImageProblem, MessageKey> = {
  type: 'companyLogoType',
  unreadable: 'companyLogoUnreadable',
  tooManyPixels: 'companyLogoTooManyPixels',
};

/**
 * Upload or replace the company logo (settings.edit): a whole PNG or JPEG (the bytes decide, not
 * `contentType`) that a PDF can carry, within the size limits; each refusal is a 400 on `image`.
 * 409 with the current settings when their version is stale.
 */
export async function uploadCompanyLogo(ctx: AppContext, actor: Actor, input: z.output<typeof companyLogoUpload>): Promise<CompanySettings> {
  authorize(actor, 'settings.edit');
  const bytes = Buffer.from(input.image, 'base64');
  if (bytes.length > companyLogoMaxBytes) throw invalid('image', 'companyLogoTooLarge');
  const image = inspectImage(bytes, companyLogoMaxSide);
  if ('problem' in image) throw invalid('image', problemMessages[image.problem]);
  if (!(await canEmbedImage(bytes))) throw invalid('image', 'companyLogoUnreadable');
  const etag = createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
  const logo = { contentType: image.type, etag, bytes, width: image.width, height: image.height };
  const result = await writeCompanyLogo(ctx.db, logo, input.version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (result !== 'done') throw conflict(await readCompanySettings(ctx.db));
  return readCompanySettings(ctx.db);
}

/** Remove the logo (settings.edit): 409 when the settings' version is stale, 404 when there is none. */
export async function removeCompanyLogo(ctx: AppContext, actor: Actor, version: number): Promise<void> {
  authorize(actor, 'settings.edit');
  const result = await writeCompanyLogo(ctx.db, null, version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (result === 'stale') throw conflict(await readCompanySettings(ctx.db));
  if (result === 'none') throw notFound();
}

/**
 * The logo's bytes for any signed-in user, with an entity tag: a browser keeps it and asks again
 * each time (no-cache), answered 304 while it is unchanged. 404 when there is none.
 */
export async function sendCompanyLogo(ctx: AppContext, _actor: Actor, ifNoneMatch: string | undefined, reply: FastifyReply): Promise<Buffer | undefined> {
  const logo = await readCompanyLogo(ctx.db);
  if (!logo) throw notFound();
  const etag = `"${logo.etag}"`;
  reply.header('etag', etag).header('cache-control', 'private, no-cache').header('x-content-type-options', 'nosniff');
  if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    void reply.code(304).send();
    return undefined;
  }
  reply.header('content-type', logo.contentType);
  return logo.bytes;
}
