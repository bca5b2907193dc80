// Builds the web app (web/) into web/dist with Vite, then measures the JavaScript a first visit loads (the entry
// script and the modules it preloads, gzipped) and fails the build when it passes the budget of 250 KB.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// An install without dev dependencies (--omit=dev) has no Vite: the server still builds; the app says it is not built.
const vite = await import('vite').catch(() => undefined);
if (vite === undefined) {
  console.warn('web app: not built (Vite is not installed; run npm install with dev dependencies)');
  process.exit(0);
}

const web = new URL('../web/', import.meta.url);
/** Initial JavaScript budget, gzipped (issue 16). */
const budgetBytes = 250 * 1024;

await vite.build({ root: web.pathname, configFile: new URL('vite.config.ts', web).pathname, logLevel: 'warn' });

const index = readFileSync(new URL('dist/index.html', web), 'utf8');
const scripts = [
  ...index.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g),
].map((match) => match[1]);
let total = 0;
for (const script of scripts) total += gzipSync(readFileSync(new URL(`dist/${script}`, web)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`web app: initial JavaScript ${kb(total)} gzipped (${scripts.length} files; budget ${kb(budgetBytes)})`);
if (scripts.length === 0 || total > budgetBytes) {
  console.error(scripts.length === 0 ? 'web app: no script found in index.html' : 'web app: over the budget');
  process.exit(1);
}
