/**
 * The OpenAPI document through openapi-typescript 7, as a typed client would be generated from it: the generated
 * types are compiled together with uses that must (and must not) type-check.
 */
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { beforeAll, expect, it } from 'vitest';
import { renderOpenApi } from '../src/cli/openapi.ts';
import { withJsonParametersAsSchemas } from '../src/http/openapi-document.ts';

let generated: string;
beforeAll(async () => {
  const document = JSON.parse(await renderOpenApi()) as OpenAPI3;
  generated = astToString(await openapiTS(withJsonParametersAsSchemas(document), { silent: true }));
}, 60_000);

/** Type errors of the generated types compiled with `uses` (empty when it all type-checks). */
function typeErrors(uses: string): string[] {
  const files: Record<string, string> = {
    '/api.ts': generated,
    '/uses.ts': `import type * as api from './api';\n${uses}`,
  };
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files[name] ?? readFile(name);
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) =>
    name in files ? ts.createSourceFile(name, files[name]!, version) : getSourceFile(name, version);
  const program = ts.createProgram(['/uses.ts'], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

it("types createCourse's courseData query parameter as the course object, not a string", () => {
  const uses = `
    type Query = NonNullable<api.operations['createCourse']['parameters']['query']>;
    type CourseData = NonNullable<Query['courseData']>;
    const course: CourseData = {
      name: 'Safety',
      type: 1,
      courseAdmins: ['588882000000212025', 588882000000212],
      permissionSettings: { whoCanEnroll: ['admin', 'learner'] },
    };
    // @ts-expect-error name is a string
    const badName: CourseData = { name: 7, type: 1 };
    // @ts-expect-error type is required
    const noType: CourseData = { name: 'Safety' };
    // @ts-expect-error whoCanEnroll names roles only
    const badRole: CourseData = { name: 'Safety', type: 1, permissionSettings: { whoCanEnroll: ['anyone'] } };
    // @ts-expect-error courseData is not text
    const text: CourseData = '{"name":"Safety","type":1}';
    type Body = NonNullable<api.operations['createCourse']['requestBody']>['content']['application/json'];
    const wrapped: Body = { courseData: course };
    const bare: Body = course;
    export { badName, badRole, bare, noType, text, wrapped };
  `;
  expect(typeErrors(uses)).toEqual([]);
});

it('types the data objects of batches, sessions and modules, and other parameters by their kind', () => {
  const uses = `
    type Query<Id extends keyof api.operations> = NonNullable<api.operations[Id]['parameters']['query']>;
    const batch: NonNullable<Query<'createBatch'>['batchData']> = {
      name: 'May', startDate: '01-05-2027', endDate: '31-05-2027', minimumCapacity: 1, maximumCapacity: 20,
    };
    const session: NonNullable<Query<'createSession'>['sessionData']> = {
      name: 'Day 1', trainerErecno: '588882000000212025', type: 0, date: '03-05-2027',
      startTime: '10:00 AM', endTime: '11:00 AM',
    };
    const module: NonNullable<Query<'updateBatchModule'>['moduleData']> = { duration: '100 Mins' };
    const notify: Query<'publishCourse'>['notifyApplicableUsers'] = true;
    const start: Query<'listCourses'>['startIndex'] = 25;
    const learners: Query<'enrolCourseLearners'>['erecnosList'] = ['588882000000212025'];
    // @ts-expect-error a session's type is a number
    const badSession: NonNullable<Query<'createSession'>['sessionData']> = { ...session, type: 'classroom' };
    export { badSession, batch, learners, module, notify, session, start };
  `;
  expect(typeErrors(uses)).toEqual([]);
});

it("writes each operation's OAuth scopes into the generated types' documentation", () => {
  const createCourse = generated.slice(generated.indexOf('"/api/v1/courses": {'));
  expect(createCourse).toMatch(/Scope: ZOHOPEOPLE\.training\.CREATE or ZOHOPEOPLE\.training\.ALL\./);
  expect(generated).toMatch(/Scope: ZOHOPEOPLE\.training\.DELETE or ZOHOPEOPLE\.training\.ALL\./);
});
