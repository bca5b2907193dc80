/**
 * Writes src/generated/api.ts from the repository's openapi.json with openapi-typescript. JSON-in-query data objects
 * (courseData, batchData, ...) are turned into typed schemas first, so they come out as objects, not strings.
 * `--check` fails when the committed file is stale instead of writing it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { withJsonParametersAsSchemas } from '../../../src/http/openapi-document.ts';

const documentUrl = new URL('../../../openapi.json', import.meta.url);
const target = new URL('../src/generated/api.ts', import.meta.url);
const banner = '// Generated from openapi.json by clients/typescript/scripts/generate.ts: do not edit.\n';

const document = JSON.parse(readFileSync(documentUrl, 'utf8')) as OpenAPI3;
const generated = banner + astToString(await openapiTS(withJsonParametersAsSchemas(document), { silent: true }));
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== generated) {
    console.error('clients/typescript/src/generated/api.ts is stale: run npm run client:generate');
    process.exit(1);
  }
} else {
  writeFileSync(target, generated);
}
