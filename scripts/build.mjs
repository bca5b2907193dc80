// Compiles src/ into dist/ once, so `lectern` runs plain JavaScript with no TypeScript loader. esbuild bundles the
// sources and most dependencies into a few files (module resolution was most of start-up) and splits what only
// `serve` needs into chunks that `lectern --version` never loads. Types are checked separately by `tsc --noEmit`.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { builtinsThroughRequire } from './builtins-through-require.mjs';
import { routerCompileCache } from './router-compile-cache.mjs';

const root = new URL('..', import.meta.url);

// Kept as ordinary packages: native addons, optional drivers, packages that read their own files at run time, and
// packages loaded on first use (src/lazy-require.ts), which a process that never needs them never compiles.
const external = [
  '@node-rs/argon2',
  'better-sqlite3',
  'pg-native',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'pino',
  'thread-stream',
  'pg',
  'sanitize-html',
  '@fastify/ajv-compiler',
  '@fastify/fast-json-stringify-compiler',
  'prom-client',
  'mime-types',
  'rrule',
  '@fastify/send',
];

rmSync(new URL('dist', root), { recursive: true, force: true });
await build({
  absWorkingDir: root.pathname,
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external,
  // Bundled CommonJS dependencies call require(); ESM output has none of its own.
  banner: {
    js: "import { createRequire as __lecternRequire } from 'node:module'; const require = __lecternRequire(import.meta.url);",
  },
  plugins: [routerCompileCache, builtinsThroughRequire],
  logLevel: 'warning',
});
