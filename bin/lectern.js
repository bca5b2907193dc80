#!/usr/bin/env node
// Runs the compiled build (dist/), made by `npm run build`; `npm install` runs that build too.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1 and later keep compiled code between runs (in the temporary folder): a second start compiles nothing.
module.enableCompileCache?.();

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('lectern: not built yet; run `npm run build` (npm install runs it too)\n');
  process.exit(2);
}
await import(entry.href);
