import { readFileSync } from 'node:fs';
import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

type Operation = {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; content?: Record<string, { schema: unknown }>; schema?: unknown }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Record<string, unknown> }> };
};
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

let lectern: TestLectern;
let live: Document;
beforeAll(async () => {
  lectern = await createTestLectern();
  live = (await lectern.app.inject({ url: '/openapi.json' })).json();
});
afterAll(() => lectern.close());

function operations(document: Document): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]): [string, Operation] => [
      `${method.toUpperCase()} ${path}`,
      operation,
    ]),
  );
}

/** The validator dereferences in place, so it gets its own copy. */
async function errorsOf(document: Document): Promise<string> {
  const result = await validate(structuredClone(document) as never);
  return result.valid ? '' : compileErrors(result);
}

it('serves an OpenAPI 3.1 document with unique verbNoun operationIds and a readable /docs page', async () => {
  expect(live.openapi).toBe('3.1.0');
  const operationIds = operations(live).map(([, operation]) => operation.operationId ?? '(none)');
  expect(operationIds.length).toBeGreaterThan(20);
  expect(new Set(operationIds).size).toBe(operationIds.length);
  for (const id of operationIds) expect(id).toMatch(/^[a-z]+[A-Z][A-Za-z]*$/);
  expect(live.paths['/api/v1/courses/{courseId}']!.patch!.operationId).toBe('updateCourse');
  const docs = await lectern.app.inject({ url: '/docs/' });
  expect(docs.statusCode).toBe(200);
  expect(docs.headers['content-type']).toMatch(/text\/html/);
  // Swagger UI 5 (isOAS31) reads the page's document from /docs/json.
  expect((await lectern.app.inject({ url: '/docs/json' })).json()).toEqual(live);
  expect((await lectern.app.inject({ url: '/docs/static/swagger-initializer.js' })).statusCode).toBe(200);
});

it('validates without errors, live and as committed', async () => {
  expect(await errorsOf(live)).toBe('');
  const committed = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as Document;
  expect(await errorsOf(committed)).toBe('');
});

it("names every operation's accepted scopes, by OAuth 2 or by the token header", () => {
  const create = live.paths['/api/v1/courses']!.post!;
  expect(create.security).toEqual([
    { zohoOAuth: ['ZOHOPEOPLE.training.CREATE'] },
    { zohoOAuth: ['ZOHOPEOPLE.training.ALL'] },
    { zohoOauthToken: ['ZOHOPEOPLE.training.CREATE'] },
    { zohoOauthToken: ['ZOHOPEOPLE.training.ALL'] },
  ]);
  for (const [name, operation] of operations(live)) {
    // Revoking by the token's value needs no Authorization header, as Zoho's revoke does not; /metrics has its own;
    // a photo is loaded by browsers without one (its URL carries the photo's key), and a calendar program fetches a
    // feed at its secret URL.
    const public_ = [
      'GET /healthz',
      'GET /readyz',
      'GET /metrics',
      'POST /lectern/v1/tokens/revoke',
      'GET /lectern/v1/employees/{erecno}/photo',
      'GET /lectern/v1/feeds/{token}.ics',
    ].includes(name);
    // People's forms routes are admitted by their scope, forms.ALL or employee.ALL.
    expect(operation.security, name).toHaveLength(public_ ? 0 : name.includes('/api/forms/') ? 6 : 4);
  }
  expect(live.paths['/api/forms/{formLinkName}/getRecords']!.get!.security).toEqual([
    { zohoOAuth: ['ZOHOPEOPLE.forms.READ'] },
    { zohoOAuth: ['ZOHOPEOPLE.forms.ALL'] },
    { zohoOAuth: ['ZOHOPEOPLE.employee.ALL'] },
    { zohoOauthToken: ['ZOHOPEOPLE.forms.READ'] },
    { zohoOauthToken: ['ZOHOPEOPLE.forms.ALL'] },
    { zohoOauthToken: ['ZOHOPEOPLE.employee.ALL'] },
  ]);
  const oauth = (live.components as unknown as { securitySchemes: Record<string, any> }).securitySchemes.zohoOAuth;
  expect(oauth.flows.authorizationCode.authorizationUrl).toBe('/oauth/v2/auth');
  expect(Object.keys(oauth.flows.authorizationCode.scopes)).toContain('ZOHOPEOPLE.training.DELETE');
});

it('describes courseData field by field, in the query as JSON and in the body, which is optional', () => {
  const create = live.paths['/api/v1/courses']!.post!;
  const query = create.parameters!.find((parameter) => parameter.name === 'courseData')!;
  expect(query.in).toBe('query');
  expect(query.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/CourseData' });
  const courseData = live.components.schemas.CourseData!;
  expect(courseData.required).toEqual(['name', 'type']);
  expect((courseData.properties as Record<string, unknown>).name).toMatchObject({ type: 'string', maxLength: 250 });
  expect(create.requestBody!.required).toBe(false);
  const json = create.requestBody!.content['application/json']!.schema;
  expect(json.anyOf).toContainEqual({ $ref: '#/components/schemas/CourseData' });
  const form = create.requestBody!.content['application/x-www-form-urlencoded']!;
  expect(form).toMatchObject({ encoding: { courseData: { contentType: 'application/json' } } });
  expect(live.paths['/api/v1/courses/{courseId}']!.patch!.parameters![0]!.content!['application/json']!.schema).toEqual(
    { $ref: '#/components/schemas/CourseUpdate' },
  );
});

/** The object schema a body schema is, or refers to. */
function objectOf(schema: Record<string, unknown>, document: Document): Record<string, unknown> {
  const ref = schema.$ref as string | undefined;
  return ref === undefined ? schema : document.components.schemas[ref.replace('#/components/schemas/', '')]!;
}

it('leaves no request body untyped, and requires none where the data may come in the query', () => {
  for (const [name, operation] of operations(live)) {
    const body = operation.requestBody;
    if (body === undefined) continue;
    for (const [type, media] of Object.entries(body.content)) {
      const variants = (media.schema.anyOf as Record<string, unknown>[] | undefined) ?? [media.schema];
      for (const variant of variants) {
        const object = objectOf(variant, live);
        expect(object.type, `${name} ${type}`).toBe('object');
        const properties = object.properties as Record<string, Record<string, unknown>>;
        expect(Object.keys(properties).length, `${name} ${type}`).toBeGreaterThan(0);
        for (const [key, property] of Object.entries(properties)) {
          if (key.endsWith('Data')) expect(objectOf(property, live).type, `${name} ${type} ${key}`).toBe('object');
        }
      }
    }
    const multipart = body.content['multipart/form-data']?.schema.required as string[] | undefined;
    const queryData = operation.parameters?.some((parameter) => parameter.content !== undefined);
    if (queryData && !multipart?.includes('file')) expect(body.required, name).toBe(false);
  }
  const publish = live.paths['/api/v1/courses/{courseId}/publish']!.post!;
  expect(publish.requestBody!.required).toBe(false);
  expect(publish.requestBody!.content['application/json']!.schema).toEqual({
    type: 'object',
    properties: { notifyApplicableUsers: { type: 'boolean' } },
  });
  // Nothing is read from the body of a learner's mark: Zoho's samples send none, and the document shows none.
  expect(
    live.paths['/lectern/v1/courses/{courseId}/modules/{moduleId}/markAsComplete']!.post!.requestBody,
  ).toBeUndefined();
  const upload = live.paths['/api/v1/courses/{courseId}/modules/{moduleId}/files']!.post!.requestBody!;
  expect(upload.required).toBe(true);
  expect(upload.content['multipart/form-data']!.schema.required).toEqual(['fileData', 'file']);
});

it('shows ids as digits that may also be sent as JSON numbers, and path ids as digits', () => {
  const courseData = live.components.schemas.CourseData!;
  const admins = (courseData.properties as Record<string, { items: unknown }>).courseAdmins!;
  expect(admins.items).toEqual({
    anyOf: [
      { type: 'string', pattern: '^[1-9][0-9]{0,19}$' },
      { type: 'integer', minimum: 1 },
    ],
  });
  const getCourse = live.paths['/api/v1/courses/{courseId}']!.get!;
  const path = getCourse.parameters!.find((parameter) => parameter.in === 'path')!;
  expect(path.schema).toEqual({ type: 'string', pattern: '^[1-9][0-9]{0,19}$' });
});
