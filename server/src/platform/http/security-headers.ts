import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer: scripts only from this server (the web app's
 * bundles, the API docs' files), no plugins, no inline event handlers. Ant Design writes its
 * styles at run time, so styles may be inline; images and fonts may be data: and blob: URLs
 * (icons, previews of attachments). Nobody may frame the app: clickjacking.
 */
const directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The public web form's page (`/f/<token>`) is meant to be embedded in other sites (an iframe). */
const embeddablePage = /^\/f\/[^/]+\/?(\?.*)?$/;
const embeddablePolicy = Object.entries({ ...directives, 'frame-ancestors': ['*'] })
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/**
 * Security headers with helmet: the policy above, X-Content-Type-Options nosniff, a
 * Referrer-Policy that keeps the app's addresses (record ids) to itself. `same-origin`, not
 * `no-referrer`: with no-referrer a browser sends `Origin: null` on the app's own POSTs, which the
 * cross-site request rule refuses. HSTS only behind HTTPS (CRM_SECURE_COOKIES).
 */
export async function installSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives },
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000 } : false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !embeddablePage.test(request.url)) return;
    reply.raw.setHeader('content-security-policy', embeddablePolicy);
    reply.raw.removeHeader('x-frame-options');
  });
}
