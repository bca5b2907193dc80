/** `lectern oauth ...` as a user runs it: clients, a self-client code traded with a running server, sign-in links. */
import { afterAll, describe, expect, it } from 'vitest';
import { auth, cleanUpCliRuns, run, serve, temporaryFolder } from './helpers/cli.ts';

afterAll(cleanUpCliRuns);

describe('lectern oauth', () => {
  it('registers and lists a client, prints a code a running server trades for tokens, and a sign-in link', async () => {
    const data = temporaryFolder();
    const token = (await run(['token', 'create', '--data', data, '--scopes', 'ALL'])).stdout.trim();
    const created = await run([
      'oauth',
      'client',
      'create',
      '--data',
      data,
      '--name',
      'Reports',
      '--redirect-uri',
      'https://app.example/cb',
      '--redirect-uri',
      'https://app.example/other',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const client = JSON.parse(created.stdout) as { clientId: string; clientSecret: string; redirectUris: string[] };
    expect(client.clientId).toMatch(/^1000\.[A-Z0-9]{30}$/);
    expect(client.redirectUris).toEqual(['https://app.example/cb', 'https://app.example/other']);

    const listed = await run(['oauth', 'client', 'list', '--data', data]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe(`${client.clientId}\tReports\thttps://app.example/cb https://app.example/other\n`);
    expect(listed.stdout).not.toContain(client.clientSecret);

    const server = await serve(['--data', data]);
    try {
      const employees = await fetch(`${server.baseUrl}/lectern/v1/employees`, { headers: auth(token) });
      const people = ((await employees.json()) as { employees: { erecno: string; status: string }[] }).employees;
      const erecno = people.find((person) => person.status === 'active')!.erecno;
      const code = await run([
        'oauth',
        'code',
        '--data',
        data,
        '--client-id',
        client.clientId,
        '--erecno',
        erecno,
        '--scope',
        'ZOHOPEOPLE.training.READ',
      ]);
      expect(code.code, code.stderr).toBe(0);
      expect(code.stdout).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}\n$/);
      const query = new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        code: code.stdout.trim(),
      });
      const traded = await fetch(`${server.baseUrl}/oauth/v2/token?${query}`, { method: 'POST' });
      const tokens = (await traded.json()) as { access_token: string; refresh_token: string; scope: string };
      expect(tokens.scope).toBe('ZOHOPEOPLE.training.READ');
      const courses = await fetch(`${server.baseUrl}/api/v1/courses`, { headers: auth(tokens.access_token) });
      expect(courses.status).toBe(200);

      const link = await run(['oauth', 'sign-in-link', '--data', data, '--erecno', erecno], {
        LECTERN_PUBLIC_URL: server.baseUrl,
      });
      expect(link.code, link.stderr).toBe(0);
      expect(link.stdout).toMatch(new RegExp(`^${server.baseUrl}/oauth/v2/sign-in\\?ticket=1000\\.[0-9a-f.]+\\n$`));
      const signedIn = await fetch(link.stdout.trim());
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get('set-cookie')).toMatch(/^lectern_oauth_session=/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);

  it('refuses bad input with exit 2 and nothing on stdout', async () => {
    const data = temporaryFolder();
    const badUri = await run(['oauth', 'client', 'create', '--data', data, '--name', 'x', '--redirect-uri', 'ftp://x']);
    expect(badUri.code).toBe(2);
    expect(badUri.stderr).toContain('redirectUris[0]');
    expect(badUri.stdout).toBe('');
    const unknown = await run([
      'oauth',
      'code',
      '--data',
      data,
      '--client-id',
      '1000.NOPE',
      '--erecno',
      '1',
      '--scope',
      'ALL',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    const badErecno = await run(['oauth', 'sign-in-link', '--data', data, '--erecno', 'abc']);
    expect(badErecno.code).toBe(2);
    expect(badErecno.stderr).toContain('--erecno');
  }, 60_000);
});
