/** `lectern people list|add|update|deactivate|reactivate` on a store folder (the real command, the built dist). */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUpCliRuns, run, temporaryFolder } from './helpers/cli.ts';

afterAll(() => cleanUpCliRuns());

describe('lectern people', () => {
  it('lists, adds, updates, deactivates and reactivates a person', async () => {
    const store = ['--data', temporaryFolder()];
    const listed = await run(['people', 'list', ...store]);
    expect(listed, listed.stderr).toMatchObject({ code: 0 });
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toMatch(/^\d{18}\t1\tactive\tadam\.fischer@\S+\tAdam Fischer\tadmin,settingsAdmin,dataAdmin$/);

    const added = await run(['people', 'add', ...store, '--name', 'Uma Lee', '--email', 'uma@example.com']);
    expect(added, added.stderr).toMatchObject({ code: 0 });
    const [erecno, employeeId, status] = added.stdout.split('\t');
    expect([employeeId, status]).toEqual(['21', 'active']);

    const updated = await run(['people', 'update', erecno!, ...store, '--employee-id', 'U-1', '--roles', 'trainer']);
    expect(updated, updated.stderr).toMatchObject({ code: 0 });
    expect(updated.stdout).toBe(`${erecno}\tU-1\tactive\tuma@example.com\tUma Lee\ttrainer\n`);

    const deactivated = await run(['people', 'deactivate', erecno!, ...store]);
    expect(deactivated.stdout).toBe(`${erecno}\tU-1\tinactive\tuma@example.com\tUma Lee\ttrainer\n`);
    const reactivated = await run(['people', 'reactivate', erecno!, ...store]);
    expect(reactivated.stdout).toContain('\tactive\t');
    expect((await run(['people', 'list', ...store])).stdout).toContain(`${erecno}\tU-1\tactive`);
  }, 120_000);

  it('refuses a wrong argument or a clash in one line with exit code 2', async () => {
    const store = ['--data', temporaryFolder()];
    const cases = [
      [['people', 'add', ...store, '--name', 'X', '--email', 'nope'], /emailId/],
      [['people', 'update', 'abc', ...store, '--name', 'X'], /erecno must be digits/],
      [['people', 'update', '123456789012345678', ...store], /name something to change/],
      [['people', 'deactivate', '123456789012345678', ...store], /no employee with id 123456789012345678/],
      [['people', 'list', ...store, '--colour'], /unknown option '--colour'/],
    ] as const;
    for (const [args, message] of cases) {
      const result = await run([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), `${args.join(' ')}: ${result.stderr}`).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    const first = (await run(['people', 'list', ...store])).stdout.split('\n')[1]!.split('\t');
    const clash = await run(['people', 'add', ...store, '--name', 'Twin', '--email', first[3]!]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/already has the e-mail/);
  }, 120_000);
});
