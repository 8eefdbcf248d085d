import { z } from 'zod';
import { errorBody } from '@crm/contracts';

interface Operation {
  method: string;
  url: string;
  summary: string;
  tag: string;
  public: boolean;
  status: number;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  response?: z.ZodType;
  upload?: { maxBytes: number };
}

/** Collects every route's schemas; the OpenAPI document is generated from the same Zod schemas that validate. */
export class OpenApiRegistry {
  private readonly operations: Operation[] = [];

  add(operation: Operation): void {
    this.operations.push(operation);
  }

  document(version: string): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    const schema = (s: z.ZodType, io: 'input' | 'output') =>
      z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });
    for (const op of this.operations) {
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
