import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { Locale } from '@crm/contracts';
import { AppError, statusOf } from '../errors.js';
import { pickLocale, t } from '../i18n.js';

function send(error: AppError, locale: Locale) {
  return {
    error: {
      code: error.code,
      message: t(locale, error.messageKey, error.params),
      ...(error.details ? { details: error.details.map((d) => ({ path: d.path, message: t(locale, d.message) })) } : {}),
      ...(error.current !== undefined ? { current: error.current } : {}),
    },
  };
}

/** 16 KB, 50 MB: a byte limit as users read it. */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Request-wide rules: language, cross-site request refusal, JSON-only bodies, and one error
 * format for every failure (a 500 never leaks internals; it is logged with the request id).
 */
export function installHttpRules(app: FastifyInstance, options: { trustedOrigins: string[] }): void {
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.locale = pickLocale(request.headers['accept-language']);
    if (unsafeMethods.has(request.method)) {
      const origin = request.headers.origin;
      if (origin && origin !== 'null') {
        const own = `${request.protocol}://${request.headers.host ?? ''}`;
        if (origin !== own && !options.trustedOrigins.includes(origin)) throw new AppError('FORBIDDEN', 'crossOrigin');
      } else if (origin === 'null') {
        throw new AppError('FORBIDDEN', 'crossOrigin');
      }
    }
  });

  // JSON, or raw bytes for upload routes; an empty body is "no body" (DELETE and logout send none).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new AppError('BAD_REQUEST', 'malformedJson'), undefined);
    }
  });

  // Files (imports, attachments) come as the raw request body; only upload routes accept them.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const locale = request.locale ?? pickLocale(request.headers['accept-language']);
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Say what the limit of this route is (uploads and public forms have their own).
      const limit = request.routeOptions.bodyLimit;
      appError = limit ? new AppError('PAYLOAD_TOO_LARGE', 'bodyTooLargeAt', undefined, undefined, { size: sizeText(limit) }) : new AppError('PAYLOAD_TOO_LARGE', 'bodyTooLarge');
    } else if (error.statusCode === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      appError = new AppError('BAD_REQUEST', 'unsupportedMediaType');
    } else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      appError = new AppError('BAD_REQUEST', 'badRequest');
    } else {
      request.log.error({ err: error, reqId: request.id }, 'unhandled error');
      appError = new AppError('INTERNAL', 'internal');
    }
    if (appError.code === 'RATE_LIMITED' && appError.params?.minutes) reply.header('retry-after', Number(appError.params.minutes) * 60);
    return reply.code(statusOf[appError.code]).send(send(appError, locale));
  });
}

export function apiNotFound(request: FastifyRequest) {
  return send(new AppError('NOT_FOUND', 'routeNotFound'), request.locale);
}
