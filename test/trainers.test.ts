import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formType, jsonType } from './helpers/courses.ts';
import { createBatchModule, createSession, erecnoOf, patchSession, sessionsUrl } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

function call(
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  url: string,
  options: { token?: string | null; payload?: string; headers?: object } = {},
) {
  const token = options.token === undefined ? lectern.adminToken : options.token;
  return lectern.app.inject({
    method,
    url,
    headers: { ...(token === null ? {} : lectern.auth(token)), ...options.headers },
    ...(options.payload === undefined ? {} : { payload: options.payload }),
  });
}

function employee(name: string) {
  return lectern.employees.find((candidate) => candidate.display_name === name)!;
}

/** The trainer object as Lectern answers it (provisional shape). */
function trainerObject(name: string, status = 'active') {
  const row = employee(name);
  return {
    trainerId: row.erecno,
    erecno: row.erecno,
    displayName: row.display_name,
    employeeId: row.employee_id,
    emailId: row.email_id,
    displayPictureURL: `http://lectern.test/lectern/v1/employees/${row.erecno}/photo`,
    employeeStatus: status,
  };
}

async function isTrainer(name: string): Promise<boolean> {
  const row = await lectern.app.lectern.db
    .selectFrom('employees')
    .select('is_trainer')
    .where('erecno', '=', employee(name).erecno)
    .executeTakeFirstOrThrow();
  return row.is_trainer === 1;
}

async function setTrainer(name: string, value: 0 | 1) {
  await lectern.app.lectern.db
    .updateTable('employees')
    .set({ is_trainer: value })
    .where('erecno', '=', employee(name).erecno)
    .execute();
}

describe('add trainers', () => {
  it.each([
    [
      'PUT',
      'the query (a JSON array of bare numbers)',
      (a: string, b: string) => ({ query: `?erecnosList=[${a},${b}]` }),
    ],
    ['POST', 'a comma-separated query', (a: string, b: string) => ({ query: `?erecnosList=${a},${b}` })],
    [
      'PUT',
      "a JSON body (the page's example)",
      (a: string, b: string) => ({ payload: `{"erecnosList":["${a}","${b}"]}`, headers: jsonType }),
    ],
    [
      'POST',
      'a form field',
      (a: string, b: string) => ({ payload: `erecnosList=${encodeURIComponent(`[${a},${b}]`)}`, headers: formType }),
    ],
  ] as const)('%s with erecnosList in %s makes them trainers and answers them', async (method, _where, build) => {
    await setTrainer('Lena Novak', 0);
    await setTrainer('Kofi Mensah', 0);
    const request = build(employee('Lena Novak').erecno, employee('Kofi Mensah').erecno);
    const response = await call(method, `/api/v1/trainers${'query' in request ? request.query : ''}`, {
      ...('payload' in request ? { payload: request.payload, headers: request.headers } : {}),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      trainers: [trainerObject('Lena Novak'), trainerObject('Kofi Mensah')],
      code: '200',
      message: 'success',
    });
    expect(await isTrainer('Lena Novak')).toBe(true);
    expect(await isTrainer('Kofi Mensah')).toBe(true);
  });

  it('accepts someone who is a trainer already', async () => {
    const response = await call('PUT', `/api/v1/trainers?erecnosList=[${employee('Chen Wei').erecno}]`);
    expect(response.json().trainers).toEqual([trainerObject('Chen Wei')]);
  });

  it.each([
    ['', 'INPUT_PARAMETER_MISSING'],
    ['?erecnosList=[]', 'INVALID_INPUT'],
    ['?erecnosList=[abc]', 'INVALID_INPUT'],
    ['?erecnosList=[123456789012345678]', 'INVALID_INPUT'],
    ['?erecnosList=[INACTIVE]', 'INVALID_INPUT'],
    ['?erecnosList=[MATEO,OTHER]', 'INVALID_INPUT'],
  ])('refuses %s with %s naming erecnosList, writing nothing', async (query, code) => {
    const other = await lectern.otherPortal();
    const foreign = await lectern.app.lectern.db
      .selectFrom('employees')
      .select('erecno')
      .where('portal_id', '=', other.portalId)
      .executeTakeFirstOrThrow();
    const filled = query
      .replace('INACTIVE', employee('Tove Berg').erecno)
      .replace('MATEO', employee('Mateo Rossi').erecno)
      .replace('OTHER', foreign.erecno);
    const response = await call('PUT', `/api/v1/trainers${filled}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code, parameter: 'erecnosList' });
    expect(await isTrainer('Mateo Rossi')).toBe(false);
    expect(await isTrainer('Tove Berg')).toBe(false);
  });

  it('is for LMS admins with CREATE', async () => {
    const query = `?erecnosList=[${employee('Mateo Rossi').erecno}]`;
    const trainer = await lectern.token(['ALL'], employee('Chen Wei').erecno);
    expect((await call('PUT', `/api/v1/trainers${query}`, { token: trainer })).statusCode).toBe(403);
    const update = await lectern.token(['UPDATE']);
    expect((await call('PUT', `/api/v1/trainers${query}`, { token: update })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/trainers${query}`, { token: null })).statusCode).toBe(401);
    expect(await isTrainer('Mateo Rossi')).toBe(false);
  });
});

describe('list and fetch trainers', () => {
  it('lists active trainers by name, 25 a page, asc or desc, and inactive ones on request', async () => {
    await setTrainer('Lena Novak', 0);
    await setTrainer('Kofi Mensah', 0);
    const response = await call('GET', '/api/v1/trainers');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['trainers', 'code', 'message', 'hasMoreRecords']);
    expect(body.trainers).toEqual(
      ['Beatriz Santos', 'Chen Wei', 'Divya Raman', 'Rosa Alvarez'].map((name) => trainerObject(name)),
    );
    expect(body.hasMoreRecords).toBe(false);
    const desc = (await call('GET', '/api/v1/trainers?sortBy=DESC')).json();
    expect(desc.trainers.map((t: { displayName: string }) => t.displayName)).toEqual([
      'Rosa Alvarez',
      'Divya Raman',
      'Chen Wei',
      'Beatriz Santos',
    ]);
    expect((await call('GET', '/api/v1/trainers?employeeStatus=inactive')).json().trainers).toEqual([]);
    await setTrainer('Tove Berg', 1);
    try {
      expect((await call('GET', '/api/v1/trainers?employeeStatus=Inactive')).json().trainers).toEqual([
        trainerObject('Tove Berg', 'inactive'),
      ]);
    } finally {
      await setTrainer('Tove Berg', 0);
    }
  });

  it('pages through more than 25 trainers', async () => {
    const everyone = lectern.employees.filter((e) => e.status === 'active').map((e) => e.erecno);
    const template = lectern.employees.find((e) => e.status === 'active' && e.erecno !== lectern.adminErecno)!;
    const extra = Array.from({ length: 10 }, (_, index) => ({
      ...template,
      erecno: lectern.app.lectern.ids.next(),
      employee_id: String(500 + index),
      display_name: `Zed Trainer ${String(index).padStart(2, '0')}`,
      email_id: `zed${index}@lectern.test`,
      is_trainer: 1,
    }));
    await lectern.app.lectern.db.insertInto('employees').values(extra).execute();
    const before = everyone.length;
    const first = (await call('GET', '/api/v1/trainers')).json();
    expect(first.trainers).toHaveLength(Math.min(25, 4 + 10));
    expect(first.hasMoreRecords).toBe(false);
    await call('PUT', `/api/v1/trainers?erecnosList=[${everyone.join(',')}]`);
    const all = before + 10;
    const page1 = (await call('GET', '/api/v1/trainers')).json();
    expect(page1.trainers).toHaveLength(25);
    expect(page1.hasMoreRecords).toBe(true);
    const page2 = (await call('GET', '/api/v1/trainers?startIndex=25')).json();
    expect(page2.trainers).toHaveLength(all - 25);
    expect(page2.hasMoreRecords).toBe(false);
    expect(page2.trainers.at(-1).displayName).toBe('Zed Trainer 09');
    // Back to the demo's four trainers for the tests after this one.
    await lectern.app.lectern.db
      .updateTable('employees')
      .set({ is_trainer: 0 })
      .where('portal_id', '=', lectern.portalId)
      .where('display_name', 'not in', ['Beatriz Santos', 'Chen Wei', 'Divya Raman', 'Rosa Alvarez'])
      .execute();
  });

  it.each([
    ['?employeeStatus=retired', 'employeeStatus'],
    ['?sortBy=name', 'sortBy'],
    ['?startIndex=x', 'startIndex'],
  ])('refuses %s naming %s', async (query, parameter) => {
    const response = await call('GET', `/api/v1/trainers${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter });
  });

  it('fetches one trainer by erecno, for anyone with READ', async () => {
    const reader = await lectern.token(['READ'], employee('Samir Khan').erecno);
    const response = await call('GET', `/api/v1/trainers/${employee('Divya Raman').erecno}`, { token: reader });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ code: '200', trainer: trainerObject('Divya Raman'), message: 'success' });
    expect((await call('GET', '/api/v1/trainers', { token: reader })).statusCode).toBe(200);
    const create = await lectern.token(['CREATE']);
    expect((await call('GET', '/api/v1/trainers', { token: create })).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/trainers', { token: null })).statusCode).toBe(401);
  });

  it('answers 404 for someone who is not a trainer, or of another portal, and 400 for a non-numeric id', async () => {
    expect((await call('GET', `/api/v1/trainers/${employee('Samir Khan').erecno}`)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/trainers/123456789012345678')).statusCode).toBe(404);
    const other = await lectern.otherPortal();
    const foreign = await lectern.app.lectern.db
      .selectFrom('employees')
      .select('erecno')
      .where('portal_id', '=', other.portalId)
      .where('is_trainer', '=', 1)
      .executeTakeFirstOrThrow();
    expect((await call('GET', `/api/v1/trainers/${foreign.erecno}`)).statusCode).toBe(404);
    const bad = await call('GET', '/api/v1/trainers/chen');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'trainerId' });
  });
});

describe('delete a trainer', () => {
  it('is refused while the trainer has sessions today or later, naming the next one', async () => {
    // The clock stands at 05-01-2026 09:00 UTC.
    const path = await createBatchModule(lectern);
    const beatriz = employee('Beatriz Santos').erecno;
    const past = await createSession(lectern, path, { trainerErecno: beatriz, roomId: '', date: '02-01-2026' });
    const today = await createSession(lectern, path, {
      name: 'Early bird',
      trainerErecno: beatriz,
      roomId: '',
      date: '05-01-2026',
      startTime: '07:00 AM',
      endTime: '08:00 AM',
    });
    const later = await createSession(lectern, path, { trainerErecno: beatriz, roomId: '', date: '20-01-2026' });
    const response = await call('DELETE', `/api/v1/trainers/${beatriz}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: 'TRAINER_HAS_UPCOMING_SESSIONS',
      message:
        `Beatriz Santos (${beatriz}) trains session "Early bird" (id ${today.sessionId}) on 05-01-2026 at 07:00 AM ` +
        'and 1 more; give those sessions another trainer before removing this one',
    });
    expect(await isTrainer('Beatriz Santos')).toBe(true);

    const rosa = employee('Rosa Alvarez').erecno;
    for (const session of [today, later]) {
      expect((await patchSession(lectern, path, session.sessionId, { trainerErecno: rosa })).statusCode).toBe(200);
    }
    const removed = await call('DELETE', `/api/v1/trainers/${beatriz}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ code: '200', message: 'success' });
    expect(await isTrainer('Beatriz Santos')).toBe(false);
    // Her past session keeps her as its trainer.
    const kept = await lectern.app.inject({
      url: sessionsUrl(path, past.sessionId),
      headers: lectern.auth(lectern.adminToken),
    });
    expect(kept.json().session).toMatchObject({ trainerErecno: beatriz, sessionTrainer: 'Beatriz Santos' });
    expect((await call('GET', `/api/v1/trainers/${beatriz}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/trainers/${beatriz}`)).statusCode).toBe(404);
    await setTrainer('Beatriz Santos', 1);
  });

  it('is for LMS admins with DELETE; unknown or foreign ids are 404, non-numeric 400', async () => {
    const divya = employee('Divya Raman').erecno;
    const trainer = await lectern.token(['ALL'], divya);
    expect((await call('DELETE', `/api/v1/trainers/${divya}`, { token: trainer })).statusCode).toBe(403);
    const create = await lectern.token(['CREATE']);
    expect((await call('DELETE', `/api/v1/trainers/${divya}`, { token: create })).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/trainers/${divya}`, { token: null })).statusCode).toBe(401);
    expect((await call('DELETE', '/api/v1/trainers/123456789012345678')).statusCode).toBe(404);
    expect((await call('DELETE', '/api/v1/trainers/x')).json()).toMatchObject({ parameter: 'trainerId' });
    expect(await isTrainer('Divya Raman')).toBe(true);
  });

  it('stops a removed trainer from getting new sessions', async () => {
    await setTrainer('Divya Raman', 0);
    try {
      const path = await createBatchModule(lectern);
      const response = await lectern.app.inject({
        method: 'POST',
        url: sessionsUrl(path),
        headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
        payload: JSON.stringify({
          name: 'x',
          trainerErecno: erecnoOf(lectern, 'Divya Raman'),
          type: 0,
          date: '10-01-2026',
          startTime: '10:00 AM',
          endTime: '11:00 AM',
        }),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().parameter).toBe('sessionData.trainerErecno');
    } finally {
      await setTrainer('Divya Raman', 1);
    }
  });
});
