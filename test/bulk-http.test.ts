/** POST /lectern/v1/imports/{kind} and GET /lectern/v1/exports/{kind}: uploads, row errors, dry runs, who may. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from './helpers/bulk.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;

beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern?.close());

function upload(kind: string, body: string, query = '', contentType = 'text/csv', token = lectern.adminToken) {
  return lectern.app.inject({
    method: 'POST',
    url: `/lectern/v1/imports/${kind}${query}`,
    headers: { ...lectern.auth(token), 'content-type': contentType },
    payload: body,
  });
}

function download(kind: string, query = '', token = lectern.adminToken) {
  return lectern.app.inject({
    method: 'GET',
    url: `/lectern/v1/exports/${kind}${query}`,
    headers: lectern.auth(token),
  });
}

describe('an upload with bad rows', () => {
  it('answers 422 with every bad row, its line and field, and writes nothing', async () => {
    const before = await countRows(lectern, lectern.portalId, 'employees');
    const csv = [
      'employeeId,displayName,emailId,status,isAdmin,isTrainer',
      '9001,Ada Good,ada@example.com,active,false,false',
      '9002,Bob Bad,not-an-address,active,false,false',
      '9003,Cy Bad,cy@example.com,sleeping,false,false',
      '9004,,dee@example.com,active,false,false',
      '9005,Eve Bad,eve@example.com,active,maybe,false',
    ].join('\n');
    const response = await upload('people', csv);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toEqual({
      code: 'INVALID_ROWS',
      message: '4 bad rows: nothing was written',
      errorCount: 4,
      errors: [
        { line: 3, field: 'emailId', message: 'not an e-mail address' },
        { line: 4, field: 'status', message: 'must be one of active, inactive' },
        { line: 5, field: 'displayName', message: 'required' },
        { line: 6, field: 'isAdmin', message: 'must be true or false' },
      ],
    });
    expect(await countRows(lectern, lectern.portalId, 'employees')).toBe(before);
  });

  it('names a header column that no kind has, at line 1', async () => {
    const response = await upload('locations', 'locationId,name,colour\n,Annex,blue\n');
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { line: 1, field: 'colour', message: expect.stringContaining('not a column') },
    ]);
  });

  it('reports JSON rows by their array index', async () => {
    const rows = [{ name: 'Good hall', kind: 'course' }, { name: 'Bad', kind: 'colour' }, 'not an object'];
    const response = await upload('categories', JSON.stringify(rows), '', 'application/json');
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { line: 1, field: 'kind', message: 'must be one of course, grade' },
      { line: 2, field: 'row', message: 'must be a JSON object' },
    ]);
  });
});

describe('a clean upload', () => {
  it('counts on a dry run and writes nothing; then writes; then, sent again, changes nothing', async () => {
    const csv = 'name,timeZone\nHarbour Office,Europe/Berlin\nHill Office,\n';
    const before = await countRows(lectern, lectern.portalId, 'locations');
    const dry = await upload('locations', csv, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      kind: 'locations',
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      dryRun: true,
    });
    expect(await countRows(lectern, lectern.portalId, 'locations')).toBe(before);

    const written = await upload('locations', csv);
    expect(written.json()).toMatchObject({ rows: 2, created: 2, dryRun: false });
    expect(await countRows(lectern, lectern.portalId, 'locations')).toBe(before + 2);

    const again = await upload('locations', csv);
    expect(again.json()).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    expect(await countRows(lectern, lectern.portalId, 'locations')).toBe(before + 2);
  });

  it('checks references against the portal: rooms of a location imported before, not of a missing one', async () => {
    const locations = await upload('locations', 'locationId,name\n777000000000000001,Depot\n');
    expect(locations.statusCode, locations.body).toBe(200);
    const rooms = [
      'roomId,name,locationId,capacity,facilities',
      '777000000000000011,Loading bay,777000000000000001,12,Projector;Whiteboard',
      '777000000000000012,Nowhere room,777000000000000099,5,',
    ].join('\n');
    const refused = await upload('rooms', rooms);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { line: 3, field: 'locationId', message: 'no locations row 777000000000000099 in the portal' },
    ]);
    const accepted = await upload('rooms', rooms.split('\n').slice(0, 2).join('\n'));
    expect(accepted.json()).toMatchObject({ created: 1 });
  });

  it("refuses an id another portal holds, and never touches that portal's row", async () => {
    const other = await lectern.otherPortal();
    const taken = await lectern.app.lectern.db
      .selectFrom('locations')
      .select(['id', 'name'])
      .where('portal_id', '=', other.portalId)
      .executeTakeFirstOrThrow();
    const response = await upload('locations', `locationId,name\n${taken.id},Mine now\n`);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { line: 2, field: 'locationId', message: 'the id is taken by another portal' },
    ]);
    const after = await lectern.app.lectern.db
      .selectFrom('locations')
      .select('name')
      .where('id', '=', taken.id)
      .executeTakeFirstOrThrow();
    expect(after.name).toBe(taken.name);
  });
});

describe('a multipart upload', () => {
  it('reads the file part, its format from its name, and refuses a form without one', async () => {
    const boundary = 'lecternboundary';
    const form = (part: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}\r\n${part}--${boundary}--\r\n`;
    const file =
      'Content-Disposition: form-data; name="file"; filename="cats.json"\r\nContent-Type: application/octet-stream\r\n\r\n';
    const rows = JSON.stringify([{ name: 'Uploaded by form', kind: 'grade' }]);
    const type = `multipart/form-data; boundary=${boundary}`;
    const response = await upload('categories', form(`${file}${rows}\r\n`), '?dryRun=true', type);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 1, created: 1, dryRun: true });
    const none = await upload(
      'categories',
      form('Content-Disposition: form-data; name="other"\r\n\r\nx\r\n'),
      '',
      type,
    );
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('no file part');
  });
});

describe('an export', () => {
  it('streams the file with its name, as CSV by default and as JSON when asked', async () => {
    const csv = await download('rooms');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="rooms.csv"');
    expect(csv.body.split('\n')[0]).toBe('roomId,name,locationId,capacity,facilities');
    const json = await download('rooms', '?format=json');
    expect(json.headers['content-disposition']).toBe('attachment; filename="rooms.json"');
    expect(json.json().length).toBe(csv.body.trim().split('\n').length - 1);
  });

  it('is read back by the import as unchanged rows', async () => {
    const exported = await download('people', '?format=json');
    const response = await upload('people', exported.body, '?format=json', 'application/json');
    expect(response.json()).toMatchObject({ created: 0, updated: 0, unchanged: exported.json().length });
  });
});

describe('who may', () => {
  it('refuses a learner, a read-only token on an import, and an unknown kind or format', async () => {
    const learner = lectern.employees.find((person) => person.is_admin === 0)!;
    const learnerToken = await lectern.token(['ALL'], learner.erecno);
    expect((await download('people', '', learnerToken)).statusCode).toBe(403);
    expect((await upload('locations', 'name\nX\n', '', 'text/csv', learnerToken)).statusCode).toBe(403);
    const reader = await lectern.token(['READ']);
    expect((await upload('locations', 'name\nX\n', '', 'text/csv', reader)).statusCode).toBe(403);
    expect((await download('people', '', reader)).statusCode).toBe(200);
    const unknownKind = await download('planets');
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().message).toContain('kind');
    expect((await download('people', '?format=xml')).statusCode).toBe(400);
  });
});
