import { multiline, text } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OpenApiRegistry, operationIdOf } from './openapi.js';
import type { RouteAccess } from './route.js';

type Doc = { paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };
const base: { summary: string; tag: string; public: boolean; status: number; access: RouteAccess } = { summary: 's', tag: 't', public: false, status: 200, access: 'customers.edit' };

describe('OpenAPI document', () => {
  it('names each operation from its method and path', () => {
    expect(operationIdOf('GET', '/customers/:id')).toBe('getCustomersById');
    expect(operationIdOf('POST', '/recycle-bin/:type/:id/restore')).toBe('postRecycleBinByTypeByIdRestore');
    expect(operationIdOf('GET', '/openapi.json')).toBe('getOpenapiJson');
  });

  it('lists the refusals each operation can answer: input 400, signed-in 401, permission 403, path record 404, versioned write 409, upload 413', () => {
    const registry = new OpenApiRegistry();
    const params = z.object({ id: z.string() });
    registry.add({ ...base, method: 'PATCH', url: '/things/:id', params, body: z.object({ name: z.string(), version: z.number() }) });
    registry.add({ ...base, method: 'POST', url: '/things/:id/files', params, upload: { maxBytes: 10 }, status: 201 });
    registry.add({ ...base, method: 'GET', url: '/health', public: true, access: 'public', response: z.object({ ok: z.boolean() }) });
    registry.add({ ...base, method: 'POST', url: '/auth/logout', public: true, access: 'public', status: 204 });
    registry.add({ ...base, method: 'GET', url: '/me', access: 'signedIn' });
    const doc = registry.document('1') as Doc;
    const codes = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {}).sort();
    expect(codes('/things/{id}', 'patch')).toEqual(['200', '400', '401', '403', '404', '409', 'default']);
    expect(codes('/things/{id}/files', 'post')).toEqual(['201', '400', '401', '403', '404', '413', 'default']);
    expect(codes('/health', 'get')).toEqual(['200', 'default']);
    // Any signed-in user may read: no permission to lack.
    expect(codes('/me', 'get')).toEqual(['200', '401', 'default']);
    // A public write can still be refused: a malformed body, or a request from another site.
    expect(codes('/auth/logout', 'post')).toEqual(['204', '400', '403', 'default']);
    expect(doc.paths['/things/{id}']?.patch?.responses['409']).toEqual({
      description: expect.any(String),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
  });

  it('describes a file answer by its content types', () => {
    const registry = new OpenApiRegistry();
    registry.add({ ...base, method: 'GET', url: '/things/export', download: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] });
    const doc = registry.document('1') as Doc;
    expect(doc.paths['/things/export']?.get?.responses['200']).toEqual({
      description: 'The file',
      content: {
        'text/csv': { schema: { type: 'string', format: 'binary' } },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      },
    });
  });

  it('refuses two operations with one name', () => {
    const registry = new OpenApiRegistry();
    registry.add({ ...base, method: 'GET', url: '/a-b' });
    registry.add({ ...base, method: 'GET', url: '/a_b' });
    expect(() => registry.document('1')).toThrow(/Two operations would be named getAB/);
  });

  it('gives a nullable field its type (OpenAPI 3.0 has no nullable without one), also after a transform', () => {
    const registry = new OpenApiRegistry();
    registry.add({ ...base, method: 'GET', url: '/x', response: z.object({ note: text(60), story: multiline(500) }) });
    const doc = registry.document('1') as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }> }>> };
    expect(doc.paths['/x']?.get?.responses['200']?.content['application/json']?.schema.properties).toEqual({
      note: { type: 'string', nullable: true },
      story: { type: 'string', nullable: true },
    });
  });

  it('writes the multi-line mark of a text field as an x- extension, the only kind OpenAPI 3.0 allows', () => {
    const registry = new OpenApiRegistry();
    registry.add({ ...base, method: 'POST', url: '/notes', body: z.object({ notes: multiline(500) }), status: 201 });
    const doc = registry.document('1') as { paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: { properties: Record<string, Record<string, unknown>> } }> } }>> };
    const notes = doc.paths['/notes']?.post?.requestBody.content['application/json']?.schema.properties.notes;
    expect(notes?.['x-multiline']).toBe(true);
    expect(notes).not.toHaveProperty('multiline');
  });
});
