import { z } from 'zod';
import { errorBody } from '@crm/contracts';
import type { RouteAccess } from './route.js';

interface Operation {
  method: string;
  url: string;
  summary: string;
  tag: string;
  public: boolean;
  /** Who may call it, as declared on the route. */
  access: RouteAccess;
  status: number;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  response?: z.ZodType;
  upload?: { maxBytes: number };
  bodyLimit?: number;
  download?: string[];
}

/** Collects every route's schemas; the OpenAPI document is generated from the same Zod schemas that validate. */
export class OpenApiRegistry {
  private readonly registered: Operation[] = [];

  add(operation: Operation): void {
    this.registered.push(operation);
  }

  /** Every registered route and its declared access (the generated route × role tests walk them). */
  operations(): Array<Pick<Operation, 'method' | 'url' | 'access' | 'status' | 'public'>> {
    return this.registered.map(({ method, url, access, status, public: isPublic }) => ({ method, url, access, status, public: isPublic }));
  }

  document(version: string): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    const schema = (s: z.ZodType, io: 'input' | 'output') =>
      z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0', override: extensionsOnly });
    const operationIds = new Set<string>();
    for (const op of this.registered) {
      const path = op.url.replace(/:(\w+)/g, '{$1}');
      const parameters: unknown[] = [];
      for (const [where, s] of [
        ['path', op.params],
        ['query', op.query],
      ] as const) {
        if (!s) continue;
        const json = schema(s, 'input') as { properties?: Record<string, unknown>; required?: string[] };
        for (const [name, prop] of Object.entries(json.properties ?? {})) {
          parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop });
        }
      }
      const responses: Record<string, unknown> = {
        [String(op.status)]: op.response
          ? { description: 'OK', content: { 'application/json': { schema: schema(op.response, 'output') } } }
          : op.download
          ? { description: 'The file', content: Object.fromEntries(op.download.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) }
          : { description: 'OK' },
        ...errorResponses(op, op.body ? schema(op.body, 'input') : undefined),
        default: errorResponse('Error'),
      };
      const operationId = operationIdOf(op.method, op.url);
      if (operationIds.has(operationId)) throw new Error(`Two operations would be named ${operationId}: give one route another URL`);
      operationIds.add(operationId);
      paths[path] ??= {};
      paths[path][op.method.toLowerCase()] = {
        operationId,
        summary: op.summary,
        description: accessLine(op.access),
        'x-permission': xPermission(op.access),
        tags: [op.tag],
        ...(op.public ? { security: [] } : {}),
        parameters,
        ...(op.upload
          ? { requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary', maxLength: op.upload.maxBytes } } } } }
          : op.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.body, 'input') } } } }
          : {}),
        responses,
      };
    }
    return {
      openapi: '3.0.3',
      info: {
        title: 'CRM API',
        version,
        description: 'The CRM\'s HTTP API, generated from the Zod schemas that validate each request. Errors share one body: `{ error: { code, message, details } }`.',
        license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
      },
      servers: [{ url: '/api/v1' }],
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'crm_session' } },
        schemas: { Error: schema(errorBody, 'output') },
      },
      security: [{ session: [] }],
      paths,
    };
  }
}

/** The operation's access as the `x-permission` extension: a permission, a list, 'signedIn' or 'public'. */
function xPermission(access: RouteAccess): string | readonly string[] {
  return typeof access === 'string' ? access : access.anyOf;
}

/** The operation's access in words, for the description. */
function accessLine(access: RouteAccess): string {
  if (access === 'public') return 'Public';
  if (access === 'signedIn') return 'Any signed-in user';
  if (typeof access === 'string') return `Needs permission ${access}`;
  return `Needs one of the permissions ${access.anyOf.join(', ')}`;
}

/** A Zod schema's `.meta()` keys that are not JSON Schema go into the document as `x-` extensions (OpenAPI 3.0 allows no others). */
const metaKeys = ['multiline'];
function extensionsOnly(ctx: { jsonSchema: Record<string, unknown> }): void {
  for (const key of metaKeys) {
    if (!(key in ctx.jsonSchema)) continue;
    ctx.jsonSchema[`x-${key}`] = ctx.jsonSchema[key];
    delete ctx.jsonSchema[key];
  }
}

/**
 * A stable operationId from the method and the path, so clients generated from the document keep
 * their names: `GET /customers/:id/contacts` is `getCustomersByIdContacts`.
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .flatMap((part) => part.split(/[-_.]/))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/**
 * The refusals an operation can answer, each with the shared error body: 400 when it takes input
 * (or is a write: its body may be malformed JSON), 401 unless anyone may call it, 403 when it needs
 * a permission (or is a write: a request from another site is refused), 404 when its path names a
 * record, 409 when a write carries the `version` it was read at, 413 when it takes a file or has a
 * body limit of its own.
 */
function errorResponses(op: Operation, body: Record<string, unknown> | undefined): Record<string, unknown> {
  const properties = (body?.properties ?? {}) as Record<string, unknown>;
  const write = op.method !== 'GET';
  const out: Record<string, unknown> = {};
  if (op.body || op.query || op.params || op.upload || write) out['400'] = errorResponse('The input is invalid: every problem with its field path');
  if (!op.public) out['401'] = errorResponse('Not signed in');
  if ((!op.public && op.access !== 'signedIn') || write) out['403'] = errorResponse('Refused: the user lacks the permission, or a write came from another site');
  if (op.params) out['404'] = errorResponse('No such record, or not one the caller may see');
  if (write && 'version' in properties) out['409'] = errorResponse('The record changed since it was read: `current` holds it');
  if (op.upload || op.bodyLimit) out['413'] = errorResponse('The body is larger than this operation accepts');
  return out;
}
