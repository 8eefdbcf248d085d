import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { apiNotFound } from './hooks.js';

/** Vite names every bundle after its content (`assets/index-Bx3k9.js`): a new build has new names. */
const hashedAsset = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.br|\.gz)?$/;
const immutable = 'public, max-age=31536000, immutable';

/**
 * Hashed bundles are kept for a year without asking again; everything else (index.html) is
 * revalidated on each load, so a new build is picked up at once. The answer depends on
 * Accept-Encoding (the build's .br and .gz copies), which caches must know.
 */
function cacheHeaders(res: SetHeadersResponse, file: string): void {
  res.setHeader('cache-control', hashedAsset.test(file) ? immutable : 'no-cache');
  res.setHeader('vary', 'Accept-Encoding');
}

/**
 * What a page's headers say (its Content-Security-Policy, framing, referrer and cross-origin
 * rules) means nothing on a script or a stylesheet, and a bundle that is never asked for again
 * needs no validators: a page loads some fifteen of them, each header costing its bytes on a
 * phone's connection. A bundle keeps its type, length, encoding, caching and nosniff.
 */
const pageOnlyHeaders = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
  'strict-transport-security',
];
const bundleValidators = ['etag', 'last-modified', 'accept-ranges'];
const bundleUrl = /^\/assets\/[^/?]+-[\w-]{8,}\.\w+(\?|$)/;

/**
 * The built web app (`web/dist`) at `/`: brotli or gzip copies made at build time when the
 * browser takes them, and index.html for every other page (the app routes on the client).
 * Unknown `/api/` addresses, other methods and missing bundles are 404s.
 */
export async function serveWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, preCompressed: true, cacheControl: false, setHeaders: cacheHeaders });
    app.addHook('onSend', async (request, reply) => {
      if (reply.statusCode !== 200 || !bundleUrl.test(request.url)) return;
      for (const name of pageOnlyHeaders) reply.raw.removeHeader(name);
      for (const name of bundleValidators) reply.removeHeader(name);
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const page = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (!page || !hasWeb) return reply.code(404).send(apiNotFound(request));
    return reply.type('text/html').sendFile('index.html', webDist);
  });
}
