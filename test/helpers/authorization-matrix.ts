/**
 * The authorization matrix's pieces, all read from the app's route table (never a hard-coded path): calling an
 * operation by its operationId, a world with an id for every path parameter, tokens for every scope and role in a
 * portal, and the outcome a route's declared scope and access promise.
 */
import { expect } from 'vitest';
import { issueToken } from '../../src/features/people/portal.service.ts';
import type { RouteDeclaration } from '../../src/http/auth.ts';
import { multipart } from './files.ts';
import { eventOf, recordInTransaction } from './notifications.ts';
import { castNames } from './roles.ts';
import { roomsOf } from './sessions.ts';
import type { TestLectern } from './test-app.ts';

/** Text every object of the world carries, so that a response showing any of it is caught. */
export const worldMarker = 'Qx7WorldOfPortalA';

const family = 'ZOHOPEOPLE.training';

/** The scopes a matrix token may carry: each operation, ALL, and ALL of another family. */
export const scopeCases: Record<string, string[]> = {
  READ: [`${family}.READ`],
  CREATE: [`${family}.CREATE`],
  UPDATE: [`${family}.UPDATE`],
  DELETE: [`${family}.DELETE`],
  ALL: [`${family}.ALL`],
  'wrong family': ['ZOHOPEOPLE.forms.ALL'],
};

/** The roles the matrix acts as: the server's operator and four people of the demo portal. */
export const matrixRoles = ['operator', 'admin', 'trainer', 'learner', 'manager'] as const;
export type MatrixRole = (typeof matrixRoles)[number];

const personOfRole: Record<MatrixRole, string> = {
  operator: castNames.admin,
  admin: castNames.admin,
  trainer: castNames.trainer,
  learner: castNames.learner,
  manager: castNames.manager,
};

/**
 * True when the scopes cover the route's scope by their names alone: the same family, and the operation or ALL (a
 * bare operation is the training family's; `forms.READ` names its own, which People's employee.ALL also admits).
 */
export function scopesCover(scopes: readonly string[], routeScope: string): boolean {
  const [own, operation] = routeScope.includes('.')
    ? [`ZOHOPEOPLE.${routeScope.split('.')[0]}`, routeScope.split('.')[1]]
    : [family, routeScope];
  if (scopes.includes(`${own}.${operation}`) || scopes.includes(`${own}.ALL`)) return true;
  return own === 'ZOHOPEOPLE.forms' && scopes.includes('ZOHOPEOPLE.employee.ALL');
}

/** The error code of a refusal, in the LMS body (`code`) or People's forms envelope (`response.errors.code`). */
export function errorCode(response: { json(): unknown }): string | undefined {
  const body = response.json() as { code?: string; response?: { errors?: { code?: unknown } } };
  if (body.code !== undefined) return body.code;
  const code = body.response?.errors?.code;
  return code === undefined ? undefined : String(code);
}

/** The routes that ask for a token, in registration order. */
export function securedRoutes(lectern: TestLectern): RouteDeclaration[] {
  return lectern.app.routeTable.filter((route) => route.scope !== undefined);
}

/** The route's path parameters (`:courseId`, and `:erecno` in `:erecno.ics`). */
export function pathParameters(route: RouteDeclaration): string[] {
  return [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
}

/** Path parameters that name no object (a bulk file's kind): another portal's token reaches its own portal's rows. */
const nonIdParameters = new Set(['kind']);

/** The route's path parameters that name an object of the portal. */
export function idParameters(route: RouteDeclaration): string[] {
  return pathParameters(route).filter((name) => !nonIdParameters.has(name));
}

/** The route's URL with the ids filled in; a parameter the ids lack fails the test, naming it. */
export function fillPath(route: RouteDeclaration, ids: Readonly<Record<string, string>>): string {
  return route.url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`the matrix world has no id for :${name} (${route.method} ${route.url})`);
    return id;
  });
}

/** A request body: JSON, or multipart with its own content type. */
type Body = object | { payload: Buffer; headers: Record<string, string> };

/** Sends a request to a route with a token; writes carry an empty JSON object unless given a body. */
export function callRoute(
  lectern: TestLectern,
  route: RouteDeclaration,
  ids: Readonly<Record<string, string>>,
  token: string,
  body: Body | undefined = route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
) {
  const raw = body !== undefined && 'payload' in body && Buffer.isBuffer(body.payload);
  return lectern.app.inject({
    method: route.method as 'GET',
    url: fillPath(route, ids),
    headers: { ...lectern.auth(token), ...(raw ? (body as { headers: Record<string, string> }).headers : {}) },
    ...(body === undefined ? {} : { payload: raw ? (body as { payload: Buffer }).payload : body }),
  });
}

/** Calls the operation of that operationId as the portal's admin and answers the JSON body (200 expected). */
async function operate(lectern: TestLectern, operationId: string, ids: Record<string, string>, body?: Body) {
  const route = lectern.app.routeTable.find((candidate) => candidate.operationId === operationId);
  if (route === undefined) throw new Error(`no operation ${operationId} in the route table`);
  const response = await callRoute(lectern, route, ids, lectern.adminToken, body);
  expect(response.statusCode, `${operationId}: ${response.body}`).toBe(200);
  return response.json();
}

/** The world's ids: one set for the self-paced family, one for the blended (which has every parameter). */
export interface MatrixWorld {
  selfPaced: Record<string, string>;
  blended: Record<string, string>;
}

/** The ids to call a route with: the self-paced family's when they fill its path, else the blended family's. */
export function idsFor(world: MatrixWorld, route: RouteDeclaration): Record<string, string> {
  return pathParameters(route).every((name) => name in world.selfPaced) ? world.selfPaced : world.blended;
}

async function addEntities(lectern: TestLectern, ids: Record<string, string>, prefix: string): Promise<void> {
  const name = `${worldMarker} ${prefix}`;
  ids.linkId = (
    await operate(lectern, `create${prefix}Link`, ids, { name, embedURL: 'https://example.org' })
  ).link.linkId;
  ids.contentId = (
    await operate(lectern, `create${prefix}Content`, ids, { name, content: '<p>ok</p>' })
  ).content.contentId;
  const offline = { name, marks: 10, duration: 10 };
  ids.offlineTestId = (await operate(lectern, `create${prefix}OfflineTest`, ids, offline)).offlineTest.offlineTestId;
  const online = { name, durationFor: 'none', maximumAttemptsAllowed: 'unlimited', questionsPerPage: 'one' };
  ids.onlineTestId = (await operate(lectern, `create${prefix}OnlineTest`, ids, online)).onlineTest.onlineTestId;
  const question = { text: name, kind: 'single', options: ['yes', 'no'], correctOptions: [0] };
  ids.questionId = (await operate(lectern, `create${prefix}OnlineTestQuestion`, ids, question)).question.questionId;
  ids.attemptId = await insertAttempt(lectern, ids.onlineTestId!, ids.learnerId!, ids.questionId!);
  const window = prefix === '' ? {} : { submissionFrom: '01-03-2026', submissionTo: '02-03-2026' };
  const assignment = { name, maximumMarks: 10, submissionType: 'noSubmission', ...window };
  ids.assignmentId = (await operate(lectern, `create${prefix}Assignment`, ids, assignment)).assignment.assignmentId;
  const file = multipart([
    { name: 'fileData', value: JSON.stringify({ name }) },
    { name: 'file', filename: 'notes.txt', data: Buffer.from(name), contentType: 'text/plain' },
  ]);
  ids.fileId = (await operate(lectern, `create${prefix}File`, ids, file)).file.fileId;
  ids.entityType = 'links';
  ids.entityId = ids.linkId!;
}

/** Writes an open attempt of the learner at an online test (the attempt rules have their own tests); its id. */
async function insertAttempt(lectern: TestLectern, testId: string, erecno: string, questionId: string) {
  const id = `9${testId.slice(1)}`;
  await lectern.app.lectern.db
    .insertInto('online_test_attempts')
    .values({
      id,
      portal_id: lectern.portalId,
      entity_id: testId,
      erecno,
      question_ids: JSON.stringify([questionId]),
      started_at: lectern.clock.now(),
      deadline_at: null,
      submitted_at: null,
      answers: null,
      marks: null,
      maximum_marks: null,
    })
    .execute();
  return id;
}

/** Writes enrolment rows for the learner (the enrolment rules have their own tests). */
async function enrol(lectern: TestLectern, courseId: string, batchId: string | null, erecno: string): Promise<void> {
  await lectern.app.lectern.db
    .insertInto('enrolments')
    .values({
      portal_id: lectern.portalId,
      course_id: courseId,
      batch_id: batchId,
      erecno,
      status: 'enrolled',
      position: 0,
      enrolled_by: lectern.adminErecno,
      created_at: lectern.clock.now(),
    })
    .execute();
}

/** A location, a course category and a grade category of the demo portal, for /lectern/v1's reference data. */
async function referenceIds(lectern: TestLectern): Promise<Record<string, string>> {
  const db = lectern.app.lectern.db;
  const location = await db
    .selectFrom('locations')
    .select('id')
    .where('portal_id', '=', lectern.portalId)
    .executeTakeFirstOrThrow();
  const categories = await db
    .selectFrom('categories')
    .select(['id', 'kind'])
    .where('portal_id', '=', lectern.portalId)
    .execute();
  return {
    locationId: location.id,
    categoryId: categories.find((row) => row.kind === 'course')!.id,
    gradeCategoryId: categories.find((row) => row.kind === 'grade')!.id,
  };
}

/** Builds, in the lectern's own portal, an object for every path parameter of the route table. */
export async function buildMatrixWorld(lectern: TestLectern): Promise<MatrixWorld> {
  const person = (role: MatrixRole) => lectern.employees.find((row) => row.display_name === personOfRole[role])!;
  const learner = person('learner').erecno;
  const trainer = person('trainer').erecno;
  const shared: Record<string, string> = {
    portalId: lectern.portalId,
    roomId: (await roomsOf(lectern))['Room One']!,
    trainerId: trainer,
    erecno: trainer,
    learnerId: learner,
    viewName: 'P_EmployeeView',
    formLinkName: 'employee',
    ...(await referenceIds(lectern)),
    kind: 'people',
  };
  const selfPaced: Record<string, string> = { ...shared };
  selfPaced.courseId = (
    await operate(lectern, 'createCourse', {}, { name: `${worldMarker} self-paced`, type: 1 })
  ).course.courseId;
  selfPaced.moduleId = (await operate(lectern, 'createModule', selfPaced, { name: worldMarker })).module.moduleId;
  await addEntities(lectern, selfPaced, '');
  const preTest = {
    name: worldMarker,
    durationFor: 'none',
    maximumAttemptsAllowed: 'unlimited',
    questionPerPage: 'one',
  };
  selfPaced.testId = (await operate(lectern, 'createPreCourseOnlineTest', selfPaced, preTest)).onlineTest.onlineTestId;
  await enrol(lectern, selfPaced.courseId!, null, learner);

  const blended: Record<string, string> = { ...shared, testId: selfPaced.testId! };
  blended.courseId = (
    await operate(lectern, 'createCourse', {}, { name: `${worldMarker} blended`, type: 2 })
  ).course.courseId;
  const batch = {
    name: worldMarker,
    startDate: '01-01-2026',
    endDate: '31-03-2026',
    minimumCapacity: 1,
    maximumCapacity: 30,
  };
  blended.batchId = (await operate(lectern, 'createBatch', blended, batch)).batch.batchId;
  blended.moduleId = (await operate(lectern, 'createBatchModule', blended, { name: worldMarker })).module.moduleId;
  const session = { name: worldMarker, trainerErecno: trainer, type: '0', date: '10-02-2026', startTime: '10:00 AM' };
  const sessionData = { ...session, endTime: '11:00 AM', roomId: shared.roomId };
  blended.sessionId = (await operate(lectern, 'createSession', blended, sessionData)).session.sessionId;
  await addEntities(lectern, blended, 'Batch');
  const scheduler = {
    batchName: worldMarker,
    startDate: '05-01-2026',
    endDate: '28-02-2026',
    frequency: 1,
    frequencyUnit: 'week',
    daysOfTheWeek: ['2'],
    minimumCapacity: 1,
    maximumCapacity: 20,
  };
  blended.batchSchedulerId = (
    await operate(lectern, 'createBatchScheduler', blended, scheduler)
  ).batchScheduler.schedulerId;
  await enrol(lectern, blended.courseId!, blended.batchId!, learner);

  const plan = { name: worldMarker, courseIds: [selfPaced.courseId] };
  shared.planId = (await operate(lectern, 'createLearningPlan', {}, plan)).learningPlan.learningPlanId;
  const hook = { url: `https://hooks.example.com/${worldMarker}`, events: ['*'] };
  shared.webhookId = (await operate(lectern, 'createWebhook', {}, hook)).webhook.webhookId;
  shared.tokenId = (await operate(lectern, 'createToken', {}, { scopes: [`${family}.READ`], erecno: learner })).tokenId;
  const client = await lectern.app.inject({
    method: 'POST',
    url: '/lectern/v1/oauth/clients',
    headers: lectern.auth(lectern.adminToken),
    payload: { name: worldMarker, redirectUris: ['https://app.example/callback'] },
  });
  expect(client.statusCode, client.body).toBe(201);
  shared.clientId = client.json().clientId;
  const feed = await lectern.app.inject({
    method: 'POST',
    url: '/lectern/v1/feeds',
    headers: lectern.auth(lectern.adminToken),
    payload: { kind: 'batch', id: blended.batchId },
  });
  expect(feed.statusCode, feed.body).toBe(201);
  shared.feedId = feed.json().feedId;
  shared.portalId = lectern.portalId;
  shared.snapshotName = (await operate(lectern, 'createSnapshot', shared, { name: 'matrix' })).snapshot.name;
  // A fault rule on a path no route has, so that it never changes another call's outcome.
  const fault = { path: `/api/v1/${worldMarker}`, action: 'drop' };
  shared.faultId = (await operate(lectern, 'createFault', shared, fault)).fault.faultId;
  const enrolled = eventOf(lectern, { type: 'learner.enrolled.v1', courseId: selfPaced.courseId!, erecno: learner });
  await recordInTransaction(lectern, [enrolled]);
  const notification = await lectern.app.lectern.db
    .selectFrom('notifications')
    .select('id')
    .where('portal_id', '=', lectern.portalId)
    .executeTakeFirstOrThrow();
  shared.notificationId = notification.id;
  return { selfPaced: { ...selfPaced, ...shared }, blended: { ...blended, ...shared } };
}

/** A portal's matrix tokens: one per role and scope case. */
export type MatrixTokens = Record<MatrixRole, Record<string, string>>;

/** Issues a token for every role and scope case in the portal (the operator is its admin with the operator flag). */
export async function matrixTokens(lectern: TestLectern, portalId: string): Promise<MatrixTokens> {
  const people = await lectern.app.lectern.db
    .selectFrom('employees')
    .select(['erecno', 'display_name'])
    .where('portal_id', '=', portalId)
    .execute();
  const tokens = {} as MatrixTokens;
  for (const role of matrixRoles) {
    const erecno = people.find((row) => row.display_name === personOfRole[role])!.erecno;
    tokens[role] = {};
    for (const [name, scopes] of Object.entries(scopeCases)) {
      const issued = await issueToken(lectern.app.lectern, {
        portalId,
        erecno,
        scopes,
        isOperator: role === 'operator',
      });
      tokens[role][name] = issued.token;
    }
  }
  return tokens;
}

/** What a route promises a caller: refused for scope (7218), refused for role (403), or let through to its rules. */
export type Promised = 'scope refused' | 'role refused' | 'reaches the rules';

/** The outcome the route's declared scope and access promise to a role holding the scopes. */
export function promisedOutcome(route: RouteDeclaration, scopes: readonly string[], role: MatrixRole): Promised {
  if (!scopesCover(scopes, route.scope!)) return 'scope refused';
  if (route.access === 'operator' && role !== 'operator') return 'role refused';
  if (route.access === 'admin' && role !== 'admin' && role !== 'operator') return 'role refused';
  return 'reaches the rules';
}

/**
 * Runs the checks a few at a time: calls that only read (or are refused) do not depend on each other, and on
 * PostgreSQL waiting for one round trip at a time would make the matrix slow.
 */
export async function inBatches<T>(items: readonly T[], check: (item: T) => Promise<void>, size = 16): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(check));
  }
}
