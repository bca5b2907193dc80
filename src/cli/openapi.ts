/** `lectern openapi`: the OpenAPI document generated from the route schemas; written, printed or checked. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/create-db.ts';
import { CliError } from './cli-error.ts';

const committedFile = 'openapi.json';
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type OpenApiDocument = { paths?: Record<string, Record<string, { operationId?: string } | undefined>> };

/** `lectern openapi [--write | --check]`: print the document, write it to ./openapi.json, or check that file. */
export async function runOpenApiCommand(options: { write?: boolean; check?: boolean }): Promise<void> {
  const text = await renderOpenApi();
  const path = resolve(committedFile);
  if (options.write) {
    writeFileSync(path, text);
    process.stdout.write(`wrote ${path}\n`);
  } else if (options.check) {
    checkCommitted(path, text);
    process.stdout.write(`${committedFile} is up to date\n`);
  } else {
    process.stdout.write(text);
  }
}

/** Builds the app on an empty in-memory store (the environment plays no part) and renders its document. */
export async function renderOpenApi(): Promise<string> {
  // Loaded lazily for the same reason as in serve.ts: main.ts imports every command's module.
  const { buildApp } = await import('../app.ts');
  const config = loadConfig({ LECTERN_MEMORY: 'true' });
  const database = openDatabase({ dataDir: null });
  const app = await buildApp({ config, database, clock: systemClock });
  try {
    await app.ready();
    const document = (await app.openApiDocument()) as OpenApiDocument;
    const duplicates = duplicateOperationIds(document);
    if (duplicates.length > 0) {
      throw new CliError(`operationId must be unique; used more than once: ${duplicates.join(', ')}`);
    }
    return `${JSON.stringify(document, null, 2)}\n`;
  } finally {
    await app.close();
    await database.close();
  }
}

/** operationIds that name more than one operation (clients generated from the document would collide). */
export function duplicateOperationIds(document: OpenApiDocument): string[] {
  const seen = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const id = item[method]?.operationId;
      if (id !== undefined) seen.set(id, [...(seen.get(id) ?? []), `${method.toUpperCase()} ${path}`]);
    }
  }
  return [...seen].filter(([, uses]) => uses.length > 1).map(([id, uses]) => `${id} (${uses.join('; ')})`);
}

function checkCommitted(path: string, generated: string): void {
  let committed: string;
  try {
    committed = readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`${committedFile} is missing; run \`npm run openapi\` and commit it`);
  }
  if (committed === generated) return;
  const want = generated.split('\n');
  const have = committed.split('\n');
  const line = want.findIndex((text, index) => text !== have[index]);
  const at = line === -1 ? have.length : line;
  throw new CliError(
    `${committedFile} differs from the routes' schemas (first at line ${at + 1}):\n` +
      `  committed: ${have[at] ?? '(end of file)'}\n` +
      `  generated: ${want[at] ?? '(end of file)'}\n` +
      'run `npm run openapi` and commit the result',
  );
}
