/**
 * An organisation's empty portal: `lectern init` on an empty store and its refusal on a used one, and `--no-demo`
 * making the same kind of portal wherever a command meets an empty store. The real command, on this run's engine.
 */
import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { SettableClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { type DatabaseHandle, openDatabase } from '../src/db/create-db.ts';
import { cleanUpCliRuns, run, temporaryFolder } from './helpers/cli.ts';
import { createSchema, dropSchema, testDatabaseUrl, testDialect } from './helpers/engines.ts';

const schemas: string[] = [];
afterAll(async () => {
  cleanUpCliRuns();
  for (const schema of schemas) await dropSchema(schema);
});

/** A fresh empty store on this run's engine: the flags that name it, and a way to open it in this process. */
async function emptyStore(): Promise<{ flags: string[]; open: () => DatabaseHandle }> {
  if (testDialect === 'sqlite') {
    const data = temporaryFolder();
    return { flags: ['--data', data], open: () => openDatabase({ dataDir: data }) };
  }
  const schema = await createSchema();
  schemas.push(schema);
  const url = `${testDatabaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    flags: ['--database-url', url],
    open: () => openDatabase({ dataDir: null, databaseUrl: testDatabaseUrl, postgresSchema: schema, poolSize: 2 }),
  };
}

/** The store's portals and people, read directly. */
async function contents(open: () => DatabaseHandle) {
  const database = open();
  try {
    const portals = await database.db
      .selectFrom('portals')
      .select(['id', 'name', 'url_name', 'time_zone', 'demo'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const people = await database.db
      .selectFrom('employees')
      .select(['erecno', 'portal_id', 'display_name', 'email_id', 'is_admin'])
      .execute();
    return { portals: portals.map((portal) => ({ ...portal, demo: Number(portal.demo) })), people };
  } finally {
    await database.close();
  }
}

/** Answers a request against the store with a token, in this process (the same app serve builds). */
async function call(open: () => DatabaseHandle, url: string, token: string) {
  const database = open();
  const app = await buildApp({ config: loadConfig({ LECTERN_MEMORY: 'true' }), database, clock: new SettableClock() });
  try {
    const response = await app.inject({ url, headers: { authorization: `Zoho-oauthtoken ${token}` } });
    return { status: response.statusCode, body: response.json() };
  } finally {
    await app.close();
    await database.close();
  }
}

const acme = ['--org', 'Acme Corp', '--admin-name', 'Ada Lovelace', '--admin-email', 'ada@acme.example'];

describe('lectern init', () => {
  it('makes the organisation portal with exactly one person, its admin, and prints their token', async () => {
    const store = await emptyStore();
    const result = await run(['init', ...acme, '--time-zone', 'america/chicago', ...store.flags]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({
      name: 'Acme Corp',
      urlName: 'acme-corp',
      timeZone: 'America/Chicago',
      admin: { name: 'Ada Lovelace', email: 'ada@acme.example' },
    });
    // A single-use set-password link (only its hash is stored), on the server's public URL.
    expect(printed.passwordSetLink).toMatch(/^http:\/\/[^/]+\/oauth\/v2\/accounts\/password\?token=[\w-]{43}$/);
    expect(printed.token).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/);

    const { portals, people } = await contents(store.open);
    expect(portals).toEqual([
      { id: printed.portalId, name: 'Acme Corp', url_name: 'acme-corp', time_zone: 'America/Chicago', demo: 0 },
    ]);
    expect(people).toEqual([
      {
        erecno: printed.admin.erecno,
        portal_id: printed.portalId,
        display_name: 'Ada Lovelace',
        email_id: 'ada@acme.example',
        is_admin: 1,
      },
    ]);
    const employees = await call(store.open, '/lectern/v1/employees', printed.token);
    expect(employees.status).toBe(200);
    expect(employees.body.employees.map((person: { displayName: string }) => person.displayName)).toEqual([
      'Ada Lovelace',
    ]);
    const settings = await call(store.open, '/lectern/v1/portal/settings', printed.token);
    expect(settings.body).toMatchObject({ name: 'Acme Corp', timeZone: 'America/Chicago', dateFormat: 'dd-MMM-yyyy' });

    // token create on the organisation's store (demo on by default) makes nobody: the token is the admin's.
    const created = await run(['token', 'create', '--scopes', 'READ', ...store.flags]);
    expect(created.code, created.stderr).toBe(0);
    const again = await call(store.open, '/lectern/v1/portal/settings', created.stdout.trim());
    expect(again.body.portalId).toBe(printed.portalId);
    expect((await contents(store.open)).people).toHaveLength(1);

    // `portal settings` reads and changes the same settings in the store.
    const changed = await run([
      'portal',
      'settings',
      ...store.flags,
      '--set',
      'dateFormat=dd/MM/yyyy',
      '--set',
      'weekStart=monday',
    ]);
    expect(changed.code, changed.stderr).toBe(0);
    expect(JSON.parse(changed.stdout)).toMatchObject({
      portalId: printed.portalId,
      dateFormat: 'dd/MM/yyyy',
      weekStart: 'monday',
    });
    const bad = await run(['portal', 'settings', ...store.flags, '--set', 'timeZone=Nowhere/Land']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^lectern: Invalid value for timeZone: /)]);
  }, 60_000);

  it('people password-link prints a set-password link for a person, and refuses an unknown erecno', async () => {
    const store = await emptyStore();
    const created = JSON.parse((await run(['init', ...acme, ...store.flags])).stdout);
    const link = await run(['people', 'password-link', '--erecno', created.admin.erecno, ...store.flags]);
    expect(link.code, link.stderr).toBe(0);
    expect(link.stdout).toMatch(/^http:\/\/[^/]+\/oauth\/v2\/accounts\/password\?token=[\w-]{43}\n$/);
    const unknown = await run(['people', 'password-link', '--erecno', '999999', ...store.flags]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('999999');
  });

  it('refuses a store that already has a portal in one line, exit 2, and leaves it as it was', async () => {
    const store = await emptyStore();
    expect((await run(['init', ...acme, ...store.flags])).code).toBe(0);
    const before = await contents(store.open);
    const second = await run([
      'init',
      '--org',
      'Other',
      '--admin-name',
      'Bo',
      '--admin-email',
      'bo@other.example',
      ...store.flags,
    ]);
    expect(second.code).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^lectern: the store already has a portal \(\d+, Acme Corp\); init only sets up an empty store/,
      ),
    ]);
    expect(await contents(store.open)).toEqual(before);

    // A demo store is refused too.
    const demo = await emptyStore();
    expect((await run(['token', 'create', '--scopes', 'ALL', ...demo.flags])).code).toBe(0);
    const onDemo = await run(['init', ...acme, ...demo.flags]);
    expect(onDemo.code).toBe(2);
    expect(onDemo.stderr).toMatch(/already has a portal \(\d+, Zylker Corp\)/);
  }, 60_000);

  it('refuses bad or missing flags in one line, exit 2, before touching the store', async () => {
    const store = await emptyStore();
    const cases: [args: string[], message: RegExp][] = [
      [['--org', 'Acme', '--admin-name', 'Ada'], /required option '--admin-email <email>' not specified/],
      [['--org', ' ', '--admin-name', 'Ada', '--admin-email', 'ada@acme.example'], /--org: must not be empty/],
      [['--org', 'Acme', '--admin-name', 'Ada', '--admin-email', 'ada'], /--admin-email: must be an e-mail address/],
      [[...acme, '--time-zone', 'Mars/Base'], /--time-zone: must be an IANA time zone/],
    ];
    for (const [args, message] of cases) {
      const result = await run(['init', ...args, ...store.flags]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n'), args.join(' ')).toEqual([expect.stringMatching(message)]);
    }
    if (testDialect === 'sqlite') expect(readdirSync(store.flags[1]!)).toEqual([]);
    else {
      const database = store.open();
      const { rows } = await sql<{ count: string }>`
        select count(*) as count from information_schema.tables where table_schema = current_schema()`.execute(
        database.db,
      );
      await database.close();
      expect(Number(rows[0]!.count)).toBe(0);
    }
  }, 60_000);
});

describe('--no-demo', () => {
  it('token create on an empty store makes the organisation portal with its Administrator only, never demo people', async () => {
    const store = await emptyStore();
    const created = await run(['token', 'create', '--no-demo', '--scopes', 'ALL', ...store.flags]);
    expect(created.code, created.stderr).toBe(0);
    const again = await run(['token', 'create', '--scopes', 'ALL', ...store.flags]);
    expect(again.code, again.stderr).toBe(0);
    const { portals, people } = await contents(store.open);
    expect(portals).toEqual([expect.objectContaining({ name: 'Lectern', url_name: 'lectern', demo: 0 })]);
    expect(people.map((person) => [person.display_name, person.email_id, person.is_admin])).toEqual([
      ['Administrator', 'administrator@lectern.example.com', 1],
    ]);
  }, 60_000);

  it('is heard by every command that may meet an empty store (portal and oauth commands too)', async () => {
    for (const command of [
      ['portal', 'list', '--no-demo'],
      ['oauth', 'client', 'list', '--no-demo'],
    ]) {
      const store = await emptyStore();
      const result = await run([...command, ...store.flags]);
      expect(result.code, result.stderr).toBe(0);
      const { portals, people } = await contents(store.open);
      expect(
        portals.map((portal) => portal.demo),
        command.join(' '),
      ).toEqual([0]);
      expect(
        people.map((person) => person.display_name),
        command.join(' '),
      ).toEqual(['Administrator']);
    }
  }, 60_000);
});
