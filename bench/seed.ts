/**
 * What the scenarios work on, made through Lectern's own HTTP API before anything is timed (so the bench depends on
 * the API, not on table layouts). Each part is made once, on first use, so `--scenario` pays only for what it needs.
 */
import { randomUUID } from 'node:crypto';

/** How many rows the spread scenarios walk over. */
export const spreadSize = 1000;
/** Courses that the publish scenario publishes and unpublishes (each with a module and a mandatory link). */
const publishableCount = 200;
/** A page: the batch list and the learner cohorts hold this many. */
const cohortSize = 25;
const seedConcurrency = 8;
/** OAuth clients the refresh scenario's pool spans, and refresh tokens per person and client (Zoho's most). */
const oauthClients = 4;
const refreshTokensPerPerson = 20;

/** Refresh tokens with the client each belongs to. */
export interface OAuthPool {
  tokens: { clientId: string; clientSecret: string; refreshToken: string }[];
}

/** A batch module session, as its path names it. */
export interface SessionPlace {
  courseId: string;
  batchId: string;
  moduleId: string;
  sessionId: string;
}

/** Calls Lectern as the bench's admin (the bootstrap token) and answers the parsed 200/201 body, or throws saying why. */
export type Call = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, token?: string) => Promise<any>;

/** Makes a `Call` against `baseUrl` with `token` as the default caller. */
export function caller(baseUrl: string, token: string): Call {
  return async (method, path, body, as = token) => {
    const headers: Record<string, string> = { authorization: `Zoho-oauthtoken ${as}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status !== 200 && response.status !== 201)
      throw new Error(`bench set-up: ${method} ${path} answered ${response.status} ${text}`);
    return JSON.parse(text);
  };
}

/** Runs `work` over `items`, `limit` at a time, answering the results in order. */
async function mapLimit<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Memoises an async factory: the first call makes, later calls share the same promise. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

/** The seeded data of one store, each part made on first use. */
export type Fixture = ReturnType<typeof fixture>;

/** Builds the lazily seeded parts against a running Lectern. */
export function fixture(call: Call) {
  let employeeNumber = 0;
  // A kept store (--keep-store) already holds the people an earlier run added: each run's addresses are its own.
  const run = randomUUID().slice(0, 8);
  /** Adds people to the portal, 200 to a call (the control plane's page). */
  const addPeople = async (count: number, roles: string[] = []): Promise<string[]> => {
    const erecnos: string[] = [];
    for (let done = 0; done < count; done += 200) {
      const employees = Array.from({ length: Math.min(200, count - done) }, () => {
        const number = ++employeeNumber;
        return { displayName: `Bench person ${number}`, emailId: `bench${number}.${run}@bench.example.com`, roles };
      });
      const added = await call('POST', '/lectern/v1/employees', { employees });
      erecnos.push(...added.employees.map((person: { erecno: string }) => person.erecno));
    }
    return erecnos;
  };
  const createCourse = async (name: string, type: 1 | 2): Promise<string> =>
    (await call('POST', '/api/v1/courses', { name, type, duration: 30, durationUnit: 'minute' })).course.courseId;
  /** A self-paced course with one module of `links` mandatory links: publishable. */
  const createCourseWithLinks = async (name: string, links: number) => {
    const courseId = await createCourse(name, 1);
    const moduleId = (await call('POST', `/api/v1/courses/${courseId}/modules`, { name: 'Week one' })).module.moduleId;
    const linkIds: string[] = [];
    for (let index = 0; index < links; index += 1) {
      const path = `/api/v1/courses/${courseId}/modules/${moduleId}/links`;
      linkIds.push((await call('POST', path, reading(index + 1))).link.linkId);
    }
    return { courseId: courseId as string, moduleId: moduleId as string, linkIds };
  };
  const cohort = once(() => addPeople(cohortSize));

  return {
    /** 1,000 drafted self-paced courses (fetched and updated one after another). */
    courses: once(() =>
      mapLimit(Array.from({ length: spreadSize }), seedConcurrency, (_, index) =>
        createCourse(`Bench course ${index + 1}`, 1),
      ),
    ),
    /** 200 drafted courses with a mandatory link each, to publish and unpublish. */
    publishable: once(async () =>
      (
        await mapLimit(Array.from({ length: publishableCount }), seedConcurrency, (_, index) =>
          createCourseWithLinks(`Publishable ${index + 1}`, 1),
        )
      ).map((course) => course.courseId),
    ),
    /** A published course and 1,000 people to enrol into it and unenrol again. */
    enrolment: once(async () => {
      const { courseId } = await createCourseWithLinks('Enrolment course', 1);
      await call('POST', `/api/v1/courses/${courseId}/publish`);
      return { courseId, learners: await addPeople(spreadSize) };
    }),
    /** A blended course with a full page (25) of batches. */
    batches: once(async () => {
      const courseId = await createCourse('Course with batches', 2);
      await mapLimit(Array.from({ length: cohortSize }), seedConcurrency, (_, index) =>
        call('POST', `/api/v1/courses/${courseId}/batches`, batchData(`Batch ${index + 1}`)),
      );
      return { courseId };
    }),
    /** A published batch with a session and 25 enrolled learners, whose attendance is marked. */
    attendance: once(async (): Promise<{ session: SessionPlace; learners: string[] }> => {
      const [trainer] = await addPeople(1, ['trainer']);
      const learners = await cohort();
      const courseId = await createCourse('Blended course with a session', 2);
      const batchId = (await call('POST', `/api/v1/courses/${courseId}/batches`, batchData('February run'))).batch
        .batchId;
      const batchPath = `/api/v1/courses/${courseId}/batches/${batchId}`;
      const moduleId = (await call('POST', `${batchPath}/modules`, { name: 'Week one' })).module.moduleId;
      const session = {
        name: 'Yard practice',
        trainerErecno: trainer,
        type: '0',
        date: `10-02-${nextYear}`,
        startTime: '10:00 AM',
        endTime: '12:00 PM',
        roomId: '',
      };
      const sessionId = (await call('POST', `${batchPath}/modules/${moduleId}/sessions`, session)).session.sessionId;
      // A batch is published only with a mandatory file, link or content.
      await call('POST', `${batchPath}/modules/${moduleId}/links`, reading(1));
      await call('POST', `${batchPath}/publish`);
      await call('POST', `${batchPath}/enroll?erecnosList=[${learners.join(',')}]`);
      return { session: { courseId, batchId, moduleId, sessionId }, learners };
    }),
    /** A published course with 3 mandatory links and 25 enrolled learners, the first of whom completed one link. */
    learning: once(async () => {
      const { courseId, moduleId, linkIds } = await createCourseWithLinks('Learning course', 3);
      await call('POST', `/api/v1/courses/${courseId}/publish`);
      const learners = await cohort();
      await call('POST', `/api/v1/courses/${courseId}/enroll?erecnosList=[${learners.join(',')}]`);
      const scopes = ['ZOHOPEOPLE.training.ALL'];
      const learnerToken: string = (await call('POST', '/lectern/v1/tokens', { erecno: learners[0], scopes })).token;
      const link = `/lectern/v1/courses/${courseId}/modules/${moduleId}/links/${linkIds[0]}/markAsComplete`;
      await call('POST', link, undefined, learnerToken);
      return { courseId, learnerToken };
    }),
    /** A token of the portal's admin that may read Zoho People's forms (the directory), minted by the operator. */
    formsToken: once(async (): Promise<string> => {
      return (await call('POST', '/lectern/v1/tokens', { scopes: ['ZOHOPEOPLE.forms.READ'] })).token;
    }),
    /**
     * Refresh tokens for the OAuth refresh scenario. Zoho's rules give a refresh token 10 access tokens in 10 minutes
     * and a person 20 refresh tokens per client, so the pool spans clients and the cohort: 4 clients x 25 people x 20
     * tokens = 2,000 tokens, 20,000 refreshes, enough for both connection counts at a few thousand a second.
     */
    oauthPool: once(async (): Promise<OAuthPool> => {
      const people = await cohort();
      const clients = await mapLimit(Array.from({ length: oauthClients }), seedConcurrency, async (_, index) => {
        const body = { name: `Bench client ${index + 1}`, redirectUris: ['https://bench.example.com/callback'] };
        const client = await call('POST', '/lectern/v1/oauth/clients', body);
        return { clientId: client.clientId as string, clientSecret: client.clientSecret as string };
      });
      const grants = clients.flatMap((client) =>
        people.flatMap((erecno) => Array.from({ length: refreshTokensPerPerson }, () => ({ ...client, erecno }))),
      );
      const tokens = await mapLimit(grants, seedConcurrency, async (grant) => {
        const scope = 'ZOHOPEOPLE.training.ALL';
        const { code } = await call('POST', '/lectern/v1/oauth/grant-codes', {
          clientId: grant.clientId,
          erecno: grant.erecno,
          scope,
        });
        const query = new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          client_id: grant.clientId,
          client_secret: grant.clientSecret,
        });
        const answer = await call('POST', `/oauth/v2/token?${query}`);
        if (typeof answer.refresh_token !== 'string') throw new Error(`bench set-up: no refresh token: ${answer}`);
        return { clientId: grant.clientId, clientSecret: grant.clientSecret, refreshToken: answer.refresh_token };
      });
      return { tokens };
    }),
  };
}

/** A mandatory link. */
function reading(number: number) {
  return { name: `Reading ${number}`, embedURL: 'https://example.org/read', isMandatory: true };
}

/** Next year, so that the batches and the session always lie in the future. */
const nextYear = new Date().getUTCFullYear() + 1;

/** A batch in February of next year with room for a cohort. */
function batchData(name: string) {
  return {
    name,
    startDate: `01-02-${nextYear}`,
    endDate: `28-02-${nextYear}`,
    minimumCapacity: 1,
    maximumCapacity: 30,
  };
}
