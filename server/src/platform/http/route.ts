import type { Locale, Permission } from '@crm/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden } from '../errors.js';
import { parse } from '../validation.js';
import type { OpenApiRegistry } from './openapi.js';
import { checkResponse } from './response-check.js';

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<B extends Schema, Q extends Schema, P extends Schema> {
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  locale: Locale;
  /** The uploaded bytes, on upload routes only. */
  file: Buffer;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Who may call a route, declared on the route and checked by the router before the input is read:
 * a permission of the caller's role, any one of several (a route that genuinely serves two), or any
 * signed-in user (their own notifications, profile, session). Public routes are `'public'`.
 */
export type Access = Permission | { anyOf: readonly Permission[] } | 'signedIn';
export type RouteAccess = Access | 'public';

/** Whether the caller may pass the route's declared access (never reached for public routes). */
export function permits(actor: Actor, access: Access): boolean {
  if (access === 'signedIn') return true;
  if (typeof access === 'string') return actor.permissions.has(access);
  return access.anyOf.some((p) => actor.permissions.has(p));
}

interface RouteSpec<B extends Schema, Q extends Schema, P extends Schema> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  body?: B;
  query?: Q;
  params?: P;
  response?: z.ZodType;
  /** 200 by default; 204 sends no body. */
  status?: number;
  /**
   * An upload route: the request body is the file itself (Content-Type application/octet-stream,
   * at most `maxBytes`), handed to the handler as `file`; other fields travel in the query.
   */
  upload?: { maxBytes: number };
  /** A JSON body limit of its own, in bytes (the app's is 1 MB): larger bodies are a 413. */
  bodyLimit?: number;
  /** A file answer (the handler writes it to the reply): its content types, for the OpenAPI document. */
  download?: string[];
}

export interface Router {
  /** A route for signed-in users, with its declared access: the handler gets the actor. */
  route<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
    spec: RouteSpec<B, Q, P> & { access: Access; handler: (input: RouteInput<B, Q, P> & { actor: Actor }) => Promise<unknown> },
  ): void;
  /** A route anyone may call (health, login). */
  publicRoute<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
    spec: RouteSpec<B, Q, P> & { handler: (input: RouteInput<B, Q, P>) => Promise<unknown> },
  ): void;
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
  }
}

/**
 * Thin routes: validate with the shared schema, call the service, send what it returns.
 * Every route is also registered in the OpenAPI document.
 */
export function createRouter(
  app: FastifyInstance,
  registry: OpenApiRegistry,
  prefix: string,
  options: { checkResponses?: boolean } = {},
): Router {
  function register<B extends Schema, Q extends Schema, P extends Schema>(
    spec: RouteSpec<B, Q, P>,
    access: RouteAccess,
    handler: (input: RouteInput<B, Q, P>, actor: Actor | null) => Promise<unknown>,
  ) {
    // The type requires it; this stops a route that slipped past the checker (a cast, plain JS) from starting.
    if (!access) throw new Error(`${spec.method} ${spec.url} declares no access`);
    const status = spec.status ?? (spec.method === 'POST' ? 201 : 200);
    const isPublic = access === 'public';
    registry.add({ ...spec, url: spec.url, public: isPublic, access, status });
    app.route({
      method: spec.method,
      url: `${prefix}${spec.url}`,
      ...(spec.upload ? { bodyLimit: spec.upload.maxBytes } : spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      handler: async (request, reply) => {
        const locale = request.locale;
        // Access first: a caller without the right learns nothing from validating their input.
        if (access !== 'public') {
          if (!request.actor) throw new AppError('UNAUTHENTICATED', 'unauthenticated');
          if (!permits(request.actor, access)) throw forbidden();
        }
        const isFile = Buffer.isBuffer(request.body);
        if (spec.upload && !isFile) throw new AppError('BAD_REQUEST', 'uploadExpected');
        if (!spec.upload && isFile) throw new AppError('BAD_REQUEST', 'unsupportedMediaType');
        const input = {
          file: (isFile ? request.body : Buffer.alloc(0)) as Buffer,
          body: (spec.body && !spec.upload ? parse(spec.body, request.body ?? {}, locale) : undefined) as Out<B>,
          query: (spec.query ? parse(spec.query, request.query ?? {}, locale) : undefined) as Out<Q>,
          params: (spec.params ? parse(spec.params, request.params ?? {}, locale) : undefined) as Out<P>,
          locale,
          request,
          reply,
        };
        const result = await handler(input, request.actor);
        if (reply.sent) return reply;
        if (status === 204) return reply.code(204).send();
        if (options.checkResponses) checkResponse(request, reply, `${spec.method} ${spec.url}`, spec.response, result);
        return reply.code(status).send(result);
      },
    });
  }
  return {
    route(spec) {
      register(spec, spec.access, (input, actor) => {
        if (!actor) throw new AppError('UNAUTHENTICATED', 'unauthenticated');
        return spec.handler({ ...input, actor });
      });
    },
    publicRoute(spec) {
      register(spec, 'public', (input) => spec.handler(input));
    },
  };
}
