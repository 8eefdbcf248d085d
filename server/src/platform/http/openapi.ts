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
      z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });
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
          : { description: 'OK' },
        default: { description: 'Error', content: { 'application/json': { schema: schema(errorBody, 'output') } } },
      };
      paths[path] ??= {};
      paths[path][op.method.toLowerCase()] = {
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
      info: { title: 'CRM API', version },
      servers: [{ url: '/api/v1' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'crm_session' } } },
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
