/**
 * The policy of docs/compatibility.md ("Where Lectern's own additions live"): `/api/v1` holds only what Zoho
 * documents. The reference is the committed list test/fixtures/zoho/operations.json, built from the team's map of
 * Zoho's pages; every /api/v1 route must be in it, and every operation in it must be served.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathShape, routeTable } from './helpers/route-table.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

interface ZohoOperation {
  ref: string;
  name: string;
  method: string;
  path: string;
  scope: 'READ' | 'CREATE' | 'UPDATE' | 'DELETE';
  sampleCode?: 'string' | 'number';
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/zoho/operations.json', import.meta.url), 'utf8')) as {
  operations: ZohoOperation[];
};
const operations = fixture.operations;
const key = (method: string, url: string) => `${method} ${pathShape(url)}`;

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

describe("/api/v1 holds only Zoho's documented operations", () => {
  it('lists each operation once, every path under /api/v1', () => {
    const keys = operations.map((operation) => key(operation.method, operation.path));
    expect(new Set(keys).size).toBe(keys.length);
    for (const operation of operations) expect(operation.path).toMatch(/^\/api\/v1\//);
  });

  it('serves no /api/v1 route that is not in the list', () => {
    const documented = new Set(operations.map((operation) => key(operation.method, operation.path)));
    const routes = routeTable(lectern.app).filter((route) => route.url.startsWith('/api/v1/'));
    expect(routes.length).toBeGreaterThan(100);
    const extra = routes.filter((route) => !documented.has(key(route.method, route.url)));
    expect(extra.map((route) => `${route.method} ${route.url}`)).toEqual([]);
  });

  it('serves every operation in the list', () => {
    const served = new Set(routeTable(lectern.app).map((route) => key(route.method, route.url)));
    const missing = operations.filter((operation) => !served.has(key(operation.method, operation.path)));
    expect(missing.map((operation) => `${operation.ref} ${operation.method} ${operation.path}`)).toEqual([]);
  });

  it('keeps the additions under /lectern/v1, none of them Zoho paths with another prefix only by accident', () => {
    const own = routeTable(lectern.app).filter((route) => route.url.startsWith('/lectern/v1/'));
    const documented = new Set(operations.map((operation) => key(operation.method, operation.path)));
    const shadowed = own.filter((route) =>
      documented.has(key(route.method, route.url.replace('/lectern/v1/', '/api/v1/'))),
    );
    expect(shadowed.map((route) => `${route.method} ${route.url}`)).toEqual([]);
  });
});

describe('each operation as the list describes it', () => {
  it("asks for the operation's scope (a token with every other scope is refused naming it)", async () => {
    const scopes = ['READ', 'CREATE', 'UPDATE', 'DELETE'] as const;
    const tokens = Object.fromEntries(
      await Promise.all(
        scopes.map(async (scope) => [scope, await lectern.token(scopes.filter((other) => other !== scope))] as const),
      ),
    );
    const wrong: string[] = [];
    for (const operation of operations) {
      const url = operation.path.replace(/\{[^}]+\}/g, '123456789012345678');
      const response = await lectern.app.inject({
        method: operation.method as 'GET',
        url,
        headers: lectern.auth(tokens[operation.scope]!),
      });
      const named = `ZOHOPEOPLE.training.${operation.scope}`;
      if (response.statusCode !== 403 || !response.json().message.includes(named)) {
        wrong.push(`${operation.ref} ${operation.method} ${operation.path}: ${response.statusCode} ${response.body}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("answers `code` with the JSON type of the page's sample response", async () => {
    const document = (await lectern.app.inject({ url: '/openapi.json' })).json();
    const sampled = operations.filter((operation) => operation.sampleCode !== undefined);
    expect(sampled.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    for (const operation of sampled) {
      const schema = document.paths[operation.path.replace(/\{[^}]+\}/g, '{}')] ?? findPath(document, operation.path);
      const code =
        schema?.[operation.method.toLowerCase()]?.responses?.['200']?.content?.['application/json']?.schema?.properties
          ?.code;
      if (jsonTypeOf(code) !== operation.sampleCode) {
        wrong.push(`${operation.ref} ${operation.method} ${operation.path}: ${JSON.stringify(code)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** The document's path item whose shape equals the operation's (parameter names differ between Zoho and Lectern). */
function findPath(document: { paths: Record<string, any> }, path: string) {
  const shape = pathShape(path);
  const found = Object.keys(document.paths).find((candidate) => pathShape(candidate) === shape);
  return found === undefined ? undefined : document.paths[found];
}

/** `string` or `number`, from a schema's type, const or enum. */
function jsonTypeOf(schema: { type?: string; const?: unknown; enum?: unknown[] } | undefined): string | undefined {
  if (schema === undefined) return undefined;
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  if (schema.type === 'string') return 'string';
  const value = schema.const ?? schema.enum?.[0];
  return value === undefined ? undefined : typeof value;
}
