import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../src/features/people/portal.service.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let operator: string;
beforeAll(async () => {
  lectern = await createTestLectern();
  const issued = await issueToken(lectern.app.lectern, {
    portalId: lectern.portalId,
    scopes: ['ZOHOPEOPLE.training.ALL'],
    isOperator: true,
  });
  operator = issued.token;
});
afterAll(() => lectern?.close());

const scope = (operation: string) => `ZOHOPEOPLE.training.${operation}`;

function mint(token: string, body: Record<string, unknown>) {
  return lectern.app.inject({ method: 'POST', url: '/lectern/v1/tokens', headers: lectern.auth(token), payload: body });
}

async function minted(token: string, body: Record<string, unknown>) {
  const response = await mint(token, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { token: string; tokenId: string; erecno: string; expiresAt: number | null };
}

function readRooms(token: string) {
  return lectern.app.inject({ url: '/api/v1/rooms', headers: lectern.auth(token) });
}

async function tokenCount(): Promise<number> {
  return (await lectern.app.lectern.db.selectFrom('tokens').select('id').execute()).length;
}

function named(name: string) {
  return lectern.employees.find((employee) => employee.display_name === name)!;
}

describe('minting stays within what the calling token holds', () => {
  it('refuses a CREATE token that asks for ALL, and writes nothing', async () => {
    const create = await lectern.token(['CREATE']);
    const before = await tokenCount();
    for (const scopes of [[scope('ALL')], [scope('READ')], [scope('CREATE'), scope('DELETE')]]) {
      const response = await mint(create, { scopes });
      expect(response.statusCode, JSON.stringify(scopes)).toBe(403);
      expect(response.json().message).toMatch(/mints only scopes it holds itself/);
    }
    expect(await tokenCount()).toBe(before);
    const same = await minted(create, { scopes: [scope('CREATE')] });
    expect((await mint(same.token, { scopes: [scope('CREATE')] })).statusCode).toBe(200);
  });

  it("ALL covers the family's four operations; several held scopes cover their union", async () => {
    const all = await lectern.token(['ALL']);
    await minted(all, { scopes: [scope('READ'), scope('CREATE'), scope('UPDATE'), scope('DELETE'), scope('ALL')] });
    const some = await lectern.token(['READ', 'CREATE']);
    await minted(some, { scopes: [scope('READ'), scope('CREATE')] });
    expect((await mint(some, { scopes: [scope('READ'), scope('UPDATE')] })).statusCode).toBe(403);
    // Scope names are matched in any case, as Zoho's are, and stored in their canonical spelling.
    const lower = await minted(all, { scopes: ['zohopeople.training.read'] });
    const row = await lectern.app.lectern.db
      .selectFrom('tokens')
      .select('scopes')
      .where('id', '=', lower.tokenId)
      .executeTakeFirstOrThrow();
    expect(row.scopes).toBe(scope('READ'));
  });

  it("keeps minted tokens in the caller's portal, for people of that portal", async () => {
    const other = await lectern.otherPortal();
    const before = await tokenCount();
    const elsewhere = await mint(lectern.adminToken, { scopes: [scope('READ')], portalId: other.portalId });
    expect(elsewhere.statusCode).toBe(403);
    const foreignPerson = await lectern.app.lectern.db
      .selectFrom('employees')
      .select('erecno')
      .where('portal_id', '=', other.portalId)
      .executeTakeFirstOrThrow();
    const stranger = await mint(lectern.adminToken, { scopes: [scope('READ')], erecno: foreignPerson.erecno });
    expect(stranger.statusCode).toBe(404);
    expect(await tokenCount()).toBe(before);
    const own = await minted(lectern.adminToken, { scopes: [scope('READ')], portalId: lectern.portalId });
    expect((await readRooms(own.token)).statusCode).toBe(200);
  });

  it('lets only the operator mint operator tokens, or tokens in another portal', async () => {
    expect((await mint(lectern.adminToken, { scopes: [scope('ALL')], operator: true })).statusCode).toBe(403);
    const other = await lectern.otherPortal();
    const there = await minted(operator, { scopes: [scope('READ')], portalId: other.portalId });
    const theirRooms = await readRooms(there.token);
    const ownRooms = await readRooms(lectern.adminToken);
    expect(theirRooms.statusCode).toBe(200);
    const ownIds = new Set(ownRooms.json().rooms.map((room: { roomId: string }) => room.roomId));
    expect(theirRooms.json().rooms.some((room: { roomId: string }) => ownIds.has(room.roomId))).toBe(false);
    const second = await minted(operator, { scopes: [scope('ALL')], operator: true });
    const portal = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/portals',
      headers: lectern.auth(second.token),
    });
    expect(portal.statusCode).toBe(200);
    expect((await mint(operator, { scopes: [scope('READ')], portalId: '999999999999999999' })).statusCode).toBe(404);
  });

  it('refuses bad input naming the parameter', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ scopes: [scope('READ')], expiresInSeconds: 0 }, 'expiresInSeconds'],
      [{ scopes: [scope('READ')], expiresInSeconds: -5 }, 'expiresInSeconds'],
      [{ scopes: [scope('READ')], expiresInSeconds: 'soon' }, 'expiresInSeconds'],
      [{ scopes: [scope('READ')], expiresInSeconds: 1.5 }, 'expiresInSeconds'],
      [{ scopes: [scope('READ')], expiresInSeconds: 400_000_000 }, 'expiresInSeconds'],
      [{ scopes: [scope('READ')], operator: 'maybe' }, 'operator'],
      [{ scopes: [scope('READ')], portalId: 'abc' }, 'portalId'],
      [{ scopes: ['ZOHOPEOPLE.leave.ALL'] }, 'scopes'],
    ];
    const before = await tokenCount();
    for (const [body, parameter] of cases) {
      const response = await mint(lectern.adminToken, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().parameter, JSON.stringify(body)).toBe(parameter);
    }
    expect(await tokenCount()).toBe(before);
  });
});

describe('expiry follows the clock', () => {
  it("refuses a token from its expiry on with People's invalid-token answer", async () => {
    const short = await minted(lectern.adminToken, { scopes: [scope('READ')], expiresInSeconds: 60 });
    expect(short.expiresAt).toBe(lectern.clock.now() + 60_000);
    expect((await readRooms(short.token)).statusCode).toBe(200);
    lectern.clock.advance(59_999);
    expect((await readRooms(short.token)).statusCode).toBe(200);
    lectern.clock.advance(1);
    const refused = await readRooms(short.token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual({ code: '7202', message: 'Invalid OAuth token: the token has expired' });
  });

  it('mints no token that outlives the calling one', async () => {
    const hour = await minted(lectern.adminToken, { scopes: [scope('ALL')], expiresInSeconds: 3600 });
    const inherited = await minted(hour.token, { scopes: [scope('READ')] });
    expect(inherited.expiresAt).toBe(hour.expiresAt);
    const shorter = await minted(hour.token, { scopes: [scope('READ')], expiresInSeconds: 600 });
    expect(shorter.expiresAt).toBe(lectern.clock.now() + 600_000);
    const longer = await mint(hour.token, { scopes: [scope('READ')], expiresInSeconds: 7200 });
    expect(longer.statusCode).toBe(400);
    expect(longer.json()).toMatchObject({ parameter: 'expiresInSeconds', message: expect.stringMatching(/3600/) });
  });
});

describe('revocation', () => {
  function revokeById(id: string, token = lectern.adminToken) {
    return lectern.app.inject({ method: 'DELETE', url: `/lectern/v1/tokens/${id}`, headers: lectern.auth(token) });
  }

  it('revokes a token by id with every token minted from it, and nothing else', async () => {
    const parent = await minted(lectern.adminToken, { scopes: [scope('ALL')] });
    const child = await minted(parent.token, { scopes: [scope('CREATE')] });
    const grandchild = await minted(child.token, { scopes: [scope('CREATE')] });
    const sibling = await minted(lectern.adminToken, { scopes: [scope('READ')] });
    expect((await revokeById(parent.tokenId)).json()).toEqual({ code: '200', message: 'success' });
    for (const revoked of [parent, child, grandchild]) {
      const response = await readRooms(revoked.token);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ code: '7202', message: 'Invalid OAuth token: the token was revoked' });
    }
    expect((await readRooms(sibling.token)).statusCode).toBe(200);
    expect((await readRooms(lectern.adminToken)).statusCode).toBe(200);
    expect((await revokeById(parent.tokenId)).statusCode, 'revoking again changes nothing').toBe(200);
  });

  it("answers 404 for another portal's token or an unknown id, 400 for a bad one, and 403 for non-admins", async () => {
    const other = await lectern.otherPortal();
    const foreign = await lectern.app.lectern.db
      .selectFrom('tokens')
      .select('id')
      .where('portal_id', '=', other.portalId)
      .executeTakeFirstOrThrow();
    expect((await revokeById(foreign.id)).statusCode).toBe(404);
    expect((await readRooms(other.token)).statusCode).toBe(200);
    expect((await revokeById('999999999999999999')).statusCode).toBe(404);
    expect((await revokeById('abc')).json()).toMatchObject({ parameter: 'tokenId' });
    const target = await minted(lectern.adminToken, { scopes: [scope('READ')] });
    const learner = await lectern.token(['ALL'], named('Fatima Zahra').erecno);
    expect((await revokeById(target.tokenId, learner)).statusCode).toBe(403);
    expect((await readRooms(target.token)).statusCode).toBe(200);
  });

  it("keeps the operator's token out of a portal admin's reach", async () => {
    const operatorRow = await lectern.app.lectern.db
      .selectFrom('tokens')
      .select('id')
      .where('is_operator', '=', 1)
      .executeTakeFirstOrThrow();
    expect((await revokeById(operatorRow.id)).statusCode).toBe(403);
    expect((await readRooms(operator)).statusCode).toBe(200);
  });

  it('revokes by value without an Authorization header, from the body or the query', async () => {
    const first = await minted(lectern.adminToken, { scopes: [scope('READ')] });
    const second = await minted(lectern.adminToken, { scopes: [scope('READ')] });
    const byBody = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/tokens/revoke',
      payload: { token: first.token },
    });
    expect(byBody.json()).toEqual({ code: '200', message: 'success' });
    const byQuery = await lectern.app.inject({
      method: 'POST',
      url: `/lectern/v1/tokens/revoke?token=${second.token}`,
    });
    expect(byQuery.statusCode).toBe(200);
    for (const token of [first.token, second.token]) expect((await readRooms(token)).statusCode).toBe(401);
    const unknown = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/tokens/revoke',
      payload: { token: '1000.not.known' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ parameter: 'token' });
    const missing = await lectern.app.inject({ method: 'POST', url: '/lectern/v1/tokens/revoke' });
    expect(missing.json()).toMatchObject({ code: 'INPUT_PARAMETER_MISSING', parameter: 'token' });
  });
});

describe('at rest and in lists', () => {
  it('stores only a hash, and lists tokens with their state but never a value', async () => {
    const fresh = await minted(lectern.adminToken, { scopes: [scope('READ')], expiresInSeconds: 30 });
    const rows = await lectern.app.lectern.db.selectFrom('tokens').selectAll().execute();
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(fresh.token);
    expect(stored).not.toContain(fresh.token.split('.')[1]);
    const expiring = await minted(lectern.adminToken, { scopes: [scope('READ')], expiresInSeconds: 1 });
    const revoked = await minted(lectern.adminToken, { scopes: [scope('READ')] });
    await lectern.app.inject({ method: 'POST', url: '/lectern/v1/tokens/revoke', payload: { token: revoked.token } });
    lectern.clock.advance(1000);
    const list = await lectern.app.inject({ url: '/lectern/v1/tokens', headers: lectern.auth(lectern.adminToken) });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(fresh.token);
    const tokens = list.json().tokens as { tokenId: string; status: string; erecno: string; scopes: string[] }[];
    expect(tokens).toHaveLength(25);
    expect(list.json().hasMoreRecords).toBe(true);
    const statusOf = (id: string) => tokens.find((token) => token.tokenId === id)?.status;
    expect(statusOf(fresh.tokenId)).toBe('active');
    expect(statusOf(expiring.tokenId)).toBe('expired');
    expect(statusOf(revoked.tokenId)).toBe('revoked');
    const learner = await lectern.token(['ALL'], named('Fatima Zahra').erecno);
    const refused = await lectern.app.inject({ url: '/lectern/v1/tokens', headers: lectern.auth(learner) });
    expect(refused.statusCode).toBe(403);
  });
});
