import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern?.close());

const readScope = { scopes: ['ZOHOPEOPLE.training.READ'] };

function getRooms(headers: Record<string, string> = {}) {
  return lectern.app.inject({ url: '/api/v1/rooms', headers });
}

describe('authentication', () => {
  it('answers 401 in Zoho shape when no Authorization header is sent', async () => {
    const response = await getRooms();
    expect(response.statusCode).toBe(401);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['code', 'message']);
    expect(body.code).toBe('7202');
    expect(body.message).toMatch(/^Invalid OAuth token/);
  });

  it.each([
    ['a Bearer token', 'Bearer x'],
    ['the prefix alone', 'Zoho-oauthtoken'],
    ['the prefix and a space', 'Zoho-oauthtoken '],
    ['the prefix and blanks', 'Zoho-oauthtoken    '],
    ['no space after the prefix', 'Zoho-oauthtokenabc'],
    ['an empty header', ''],
  ])('answers 401 for a malformed header: %s', async (_name, authorization) => {
    const response = await getRooms({ authorization });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('7202');
  });

  it('answers 401 for an unknown token, including one that differs from a real token by one character', async () => {
    expect((await getRooms(lectern.auth('1000.not.known'))).statusCode).toBe(401);
    const real = lectern.adminToken;
    const altered = real.slice(0, -1) + (real.endsWith('0') ? '1' : '0');
    const response = await getRooms(lectern.auth(altered));
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toMatch(/not known/);
  });

  it('accepts the header prefix in any case and ignores blanks around the token', async () => {
    for (const prefix of ['Zoho-oauthtoken', 'zoho-oauthtoken', 'ZOHO-OAUTHTOKEN', 'Zoho-OAuthToken']) {
      const response = await getRooms({ authorization: `${prefix} ${lectern.adminToken}` });
      expect(response.statusCode, prefix).toBe(200);
    }
    expect((await getRooms({ authorization: `Zoho-oauthtoken   ${lectern.adminToken}  ` })).statusCode).toBe(200);
  });

  it('refuses the token of an inactive employee with 401', async () => {
    const tove = lectern.employees.find((employee) => employee.display_name === 'Tove Berg')!;
    expect(tove.status).toBe('inactive');
    const token = await lectern.token(['ALL'], tove.erecno);
    const response = await getRooms(lectern.auth(token));
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('7202');
  });

  it('lets an active non-admin employee read with a READ token', async () => {
    const emeka = lectern.employees.find((employee) => employee.display_name === 'Emeka Okafor')!;
    const token = await lectern.token(['READ'], emeka.erecno);
    expect((await getRooms(lectern.auth(token))).statusCode).toBe(200);
  });

  it('answers /healthz without a token', async () => {
    const response = await lectern.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect((await lectern.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});

describe('scopes', () => {
  function createToken(token: string) {
    return lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/tokens',
      headers: lectern.auth(token),
      payload: readScope,
    });
  }

  it('refuses a READ-only token on a write endpoint with 403 and Zoho wording', async () => {
    const token = await lectern.token(['READ']);
    const response = await createToken(token);
    expect(response.statusCode).toBe(403);
    const body = response.json();
    // People's "Invalid OAuth Scope" (7218): clients see that a fresh token of the same scopes would not help.
    expect(body.code).toBe('7218');
    expect(body.message).toMatch(/^Sorry! You are not authorized to do this operation: Invalid OAuth Scope/);
  });

  it('refuses a token whose scopes name other operations only', async () => {
    const token = await lectern.token(['UPDATE', 'DELETE']);
    expect((await createToken(token)).statusCode).toBe(403);
    expect((await getRooms(lectern.auth(token))).statusCode).toBe(403);
  });

  it('lets a CREATE token write and an ALL token do both', async () => {
    const create = await lectern.token(['CREATE']);
    const minted = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/tokens',
      headers: lectern.auth(create),
      payload: { scopes: ['ZOHOPEOPLE.training.CREATE'] },
    });
    expect(minted.statusCode, minted.body).toBe(200);
    const all = await lectern.token(['ALL']);
    expect((await createToken(all)).statusCode).toBe(200);
    expect((await getRooms(lectern.auth(all))).statusCode).toBe(200);
  });

  it('checks the token before the body: a bad body without a token is still 401', async () => {
    const response = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/tokens',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('token storage', () => {
  it('stores tokens hashed: no row holds a plain token', async () => {
    const issued = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/tokens',
      headers: lectern.auth(lectern.adminToken),
      payload: readScope,
    });
    const plain = [lectern.adminToken, issued.json().token as string];
    const rows = await lectern.app.lectern.db.selectFrom('tokens').selectAll().execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      const text = JSON.stringify(row);
      for (const token of plain) {
        expect(text).not.toContain(token);
        // Not even the random parts of the token are stored.
        for (const part of token.split('.').slice(1)) expect(text).not.toContain(part);
      }
    }
  });
});

describe('portal isolation', () => {
  it('shows nothing of one portal to another', async () => {
    const other = await lectern.otherPortal();
    const mine = (await getRooms(lectern.auth(lectern.adminToken))).json();
    const theirs = (await getRooms(lectern.auth(other.token))).json();
    const myIds = mine.rooms.map((room: { roomId: string }) => room.roomId);
    const theirIds = theirs.rooms.map((room: { roomId: string }) => room.roomId);
    expect(theirIds).toHaveLength(myIds.length);
    expect(theirIds.filter((id: string) => myIds.includes(id))).toEqual([]);

    for (const roomId of myIds) {
      const foreign = await lectern.app.inject({ url: `/api/v1/rooms/${roomId}`, headers: lectern.auth(other.token) });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().code).toBe('404');
    }
    const back = await lectern.app.inject({
      url: `/api/v1/rooms/${theirIds[0]}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(back.statusCode).toBe(404);
  });

  it("lists only the caller's portal's employees and categories", async () => {
    const other = await lectern.otherPortal();
    const mine = (
      await lectern.app.inject({ url: '/lectern/v1/employees', headers: lectern.auth(lectern.adminToken) })
    ).json();
    const theirs = (
      await lectern.app.inject({ url: '/lectern/v1/employees', headers: lectern.auth(other.token) })
    ).json();
    const myErecnos = new Set(mine.employees.map((employee: { erecno: string }) => employee.erecno));
    expect(theirs.employees.some((employee: { erecno: string }) => myErecnos.has(employee.erecno))).toBe(false);

    const myCategories = (
      await lectern.app.inject({ url: '/api/v1/categories', headers: lectern.auth(lectern.adminToken) })
    )
      .json()
      .categories.map((category: { categoryId: string }) => category.categoryId);
    const theirCategories = (
      await lectern.app.inject({ url: '/api/v1/categories', headers: lectern.auth(other.token) })
    )
      .json()
      .categories.map((category: { categoryId: string }) => category.categoryId);
    expect(theirCategories.filter((id: string) => myCategories.includes(id))).toEqual([]);
  });

  it("refuses to issue a token for another portal's employee", async () => {
    const other = await lectern.otherPortal();
    const response = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/tokens',
      headers: lectern.auth(other.token),
      payload: { erecno: lectern.adminErecno, ...readScope },
    });
    expect(response.statusCode).toBe(404);
  });
});
