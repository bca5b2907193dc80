/** The commands that fill an organisation: `ref` (reference data), `people`, `import` and `export`, `init`, `seed`. */
import type { Command } from 'commander';
import { addStoreOptions, configOf, serverCommand, usageErrorsAsCliErrors } from './command-options.ts';

/** Registers `ref location|room|category|grade-category list|create|update|delete`, over a running server's API. */
export function registerReferenceCommands(program: Command): void {
  const ref = program.command('ref').description("a portal's locations, rooms and categories on a running server");
  const print = async (run: (module: typeof import('./reference-data.ts')) => Promise<string>) => {
    process.stdout.write(await run(await import('./reference-data.ts')));
  };
  const fields: Record<string, [flag: string, help: string][]> = {
    location: [
      ['--time-zone <zone>', 'IANA zone, e.g. Europe/Berlin ("" for the portal\'s)'],
      ...['street', 'city', 'state', 'postal-code', 'country'].map((part): [string, string] => [
        `--${part} <text>`,
        `address: ${part}`,
      ]),
    ],
    room: [
      ['--location <locationId>', 'the location it is at'],
      ['--capacity <n>', 'seats'],
      ['--facilities <list>', 'comma-separated, replaces the list'],
    ],
  };
  for (const kind of ['location', 'room', 'category', 'grade-category'] as const) {
    const group = ref
      .command(kind)
      .description(`the portal's ${kind === 'category' ? 'course categories' : `${kind}s`}`);
    const writing = (command: Command) => {
      command.option('--name <name>', 'the name');
      for (const [flag, help] of fields[kind] ?? []) command.option(flag, help);
      return command;
    };
    serverCommand(group.command('list').description('print a page (25)'), false)
      .option('--start-index <n>', 'skip this many (default 0)')
      .action((options) => print((module) => module.listReference(kind, options)));
    writing(serverCommand(group.command('create').description(`make a ${kind}; prints it`), false)).action((options) =>
      print((module) => module.createReference(kind, options)),
    );
    writing(serverCommand(group.command('update <id>').description('change the fields given'), false)).action(
      (id: string, options) => print((module) => module.updateReference(kind, id, options)),
    );
    serverCommand(group.command('delete <id>').description('delete it (refused while in use)'), false).action(
      (id: string, options) => print((module) => module.deleteReference(kind, id, options)),
    );
  }
}

/** Registers `people list|add|update|deactivate|reactivate|password-link` (a portal's people, on the store directly). */
export function registerPeopleCommands(program: Command): void {
  const people = usageErrorsAsCliErrors(
    program.command('people').description("list, add, edit, deactivate and reactivate a portal's people"),
  );
  const load = () => import('./people.ts');
  const print = (text: string): void => {
    process.stdout.write(text);
  };
  const inPortal = (command: Command) =>
    addStoreOptions(command.option('--portal-id <id>', 'the portal (default: the first)'));
  const withFields = (command: Command) =>
    inPortal(command)
      .option('--name <name>', 'the display name')
      .option('--email <address>', 'the e-mail address (unique in the portal)')
      .option('--employee-id <id>', 'the employee id (unique in the portal)')
      .option('--manager <erecno>', 'the manager (update: empty to clear)')
      .option('--roles <list>', 'comma-separated: admin, settingsAdmin, dataAdmin, trainer');
  inPortal(
    people.command('list').description('one line a person: erecno, employee id, status, e-mail, name, roles'),
  ).action(async (options, self: Command) =>
    print(await (await load()).listPeopleCommand(await configOf(self), options)),
  );
  withFields(people.command('add').description('add a person; prints their line')).action(
    async (options, self: Command) => print(await (await load()).addPersonCommand(await configOf(self), options)),
  );
  withFields(people.command('update <erecno>').description("change a person's fields; prints their line"))
    .option('--first-name <name>', 'the first name')
    .option('--last-name <name>', 'the last name')
    .option('--department <id>', 'the department id (empty to clear)')
    .option('--designation <id>', 'the designation id (empty to clear)')
    .action(async (erecno: string, options, self: Command) =>
      print(await (await load()).updatePersonCommand(await configOf(self), erecno, options)),
    );
  inPortal(
    people
      .command('password-link')
      .description(
        'print a single-use link (valid 7 days) with which a person sets their password (organisation portals)',
      )
      .requiredOption('--erecno <erecno>', 'the person'),
  ).action(async (options, self: Command) =>
    print(await (await load()).passwordLinkCommand(await configOf(self), options)),
  );
  for (const action of ['deactivate', 'reactivate'] as const) {
    const what =
      action === 'deactivate'
        ? 'refuse their tokens and sign-in, give up their waitlist places; history, progress and seats stay'
        : 'their seats, progress and tokens work again';
    inPortal(people.command(`${action} <erecno>`).description(`${action} a person: ${what}`)).action(
      async (erecno: string, options, self: Command) =>
        print(await (await load()).changeStatusCommand(await configOf(self), erecno, action, options)),
    );
  }
}

/** Registers `import <kind> <file>` and `export <kind>` (bulk files of one kind, on the store directly). */
export function registerBulkCommands(program: Command): void {
  const kinds = 'people, locations, rooms, categories, courses, batches, modules, sessions, enrolments, attendance';
  const importCommand = usageErrorsAsCliErrors(
    program
      .command('import <kind> <file>')
      .description(`import a CSV or JSON file of one kind (${kinds}); every row is checked, then all or nothing`)
      .option('--format <format>', 'csv or json (default: from the file name, else csv)')
      .option('--dry-run', 'check every row and count what would change; write nothing')
      .option('--portal-id <id>', 'the portal (default: the first)'),
  );
  addStoreOptions(importCommand).action(async (kind: string, file: string, options, self: Command) => {
    const { importCommand: run } = await import('./bulk.ts');
    process.stdout.write(await run(await configOf(self), kind, file, options));
  });
  const exportCommand = usageErrorsAsCliErrors(
    program
      .command('export <kind>')
      .description(`export a portal's rows of one kind (${kinds}) as CSV or JSON`)
      .option('--format <format>', 'csv or json (default: from --out, else csv)')
      .option('--out <file>', 'write to this file (default: stdout)')
      .option('--portal-id <id>', 'the portal (default: the first)'),
  );
  addStoreOptions(exportCommand).action(async (kind: string, options, self: Command) => {
    const { exportCommand: run } = await import('./bulk.ts');
    await run(await configOf(self), kind, options);
  });
}

/** Registers `init`: an organisation's portal on an empty store. */
export function registerInitCommand(program: Command): void {
  const init = program
    .command('init')
    .description("make an organisation's portal on an empty store: no demo data, one admin; prints their token as JSON")
    .requiredOption('--org <name>', "the organisation's name (the portal's)")
    .requiredOption('--admin-name <name>', 'the first admin: their name')
    .requiredOption('--admin-email <email>', 'the first admin: their e-mail address')
    .option('--time-zone <IANA>', "the portal's time zone, e.g. Europe/Berlin (default UTC)");
  addStoreOptions(usageErrorsAsCliErrors(init)).action(async (options, self: Command) => {
    const { initOrganisation } = await import('./init.ts');
    process.stdout.write(`${await initOrganisation(await configOf(self), options)}\n`);
  });
}

/** Registers `seed`: a large organisation for measuring at size. */
export function registerSeedCommand(program: Command): void {
  const seed = program
    .command('seed')
    .description('add a large organisation to a portal, for measuring at size (bulk inserts; prints progress)')
    .option('--courses <count>', 'published self-paced courses', '0')
    .option('--people <count>', 'people', '0')
    .option('--enrolments <count>', 'seats, spread evenly over the seeded people and courses', '0')
    .option('--portal-id <id>', 'the portal (default: the first)');
  addStoreOptions(seed).action(async (options, self: Command) => {
    const { seedCommand } = await import('./seed.ts');
    process.stdout.write(await seedCommand(await configOf(self), options));
  });
}
