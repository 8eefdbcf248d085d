import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/**
 * Test-only guard (BuildOptions.checkResponses): every successful JSON answer must match its route's
 * `response` schema, so the OpenAPI document and the web's types cannot drift from what presenters
 * send. Off in production: it parses every answer a second time.
 * The answer is checked as the client receives it (after JSON serialisation: dates become strings).
 * A mismatch, a field the schema does not declare (Zod objects would silently strip it, so the
 * document would not show it), or JSON from a route that declares no schema, throws: a 500 that
 * names the route and the problems, also written to stderr (tests build the app without a logger).
 */
export function checkResponse(request: FastifyRequest, reply: FastifyReply, route: string, schema: z.ZodType | undefined, result: unknown): void {
  if (result === undefined || Buffer.isBuffer(result) || isStream(result) || !isJson(reply)) return;
  if (!schema) fail(request, `${route} answers JSON but declares no response schema`);
  const sent: unknown = JSON.parse(JSON.stringify(result));
  const parsed = schema.safeParse(sent);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.code} ${i.message}`).join('\n');
    fail(request, `${route} answered a body that does not match its response schema:\n${issues}`);
  }
  const undeclared = undeclaredFields(sent, parsed.data, '');
  if (undeclared.length > 0) fail(request, `${route} answered fields its response schema does not declare: ${undeclared.slice(0, 20).join(', ')}`);
}

/** The paths of object keys present in what was sent but gone from what the schema parsed (it strips unknown keys). */
function undeclaredFields(sent: unknown, parsed: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed)) return sent.flatMap((v, i) => undeclaredFields(v, parsed[i], `${at}${i}.`));
  if (!isPlainObject(sent) || !isPlainObject(parsed)) return [];
  return Object.keys(sent).flatMap((key) => (key in parsed ? undeclaredFields(sent[key], parsed[key], `${at}${key}.`) : [`${at}${key}`]));
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** No content type yet means Fastify will serialise the result as JSON. */
function isJson(reply: FastifyReply): boolean {
  const type = reply.getHeader('content-type');
  return type === undefined || String(type).includes('json');
}

function isStream(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { pipe?: unknown }).pipe === 'function';
}

function fail(request: FastifyRequest, message: string): never {
  const error = new Error(`Response check: ${message}`);
  console.error(error.message);
  request.log.error({ reqId: request.id }, error.message);
  throw error;
}
