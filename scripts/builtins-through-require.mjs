// An esbuild plugin for start-up time: an ESM `import { STATUS_CODES } from 'node:http'` makes Node build the
// module's ESM facade, which reads every export, lazy getters included; on Node 22 that loads undici (http's
// WebSocket), the file streams (fs's ReadStream), web crypto and more, ~30 ms before the first request. The bundle's
// own imports of built-in modules are therefore served by a small module that require()s the built-in and re-exports
// everything but those costly getters; a named import of one of them fails the build instead of reading undefined.
import { createRequire } from 'node:module';

const requireAtBuild = createRequire(import.meta.url);
const identifier = /^[A-Za-z_$][\w$]*$/;
/** Lazy getters whose first read loads a subsystem; nothing in the bundle imports them by name. */
const costlyGetters = new Set([
  'WebSocket',
  'CloseEvent',
  'MessageEvent',
  'ReadStream',
  'WriteStream',
  'FileReadStream',
  'FileWriteStream',
  'promises',
  'BlockList',
  'SocketAddress',
  'webcrypto',
  'subtle',
  'getRandomValues',
  'transferableAbortSignal',
  'transferableAbortController',
  'aborted',
]);

/** The exports a built-in module offers the bundle: all its own names but the costly getters. */
function offeredExports(name) {
  const descriptors = Object.getOwnPropertyDescriptors(requireAtBuild(name));
  return Object.entries(descriptors)
    .filter(([key]) => key !== 'default' && identifier.test(key))
    .filter(([key, descriptor]) => 'value' in descriptor || !costlyGetters.has(key))
    .map(([key]) => key);
}

/** The plugin: `import ... from 'node:x'` in the bundle becomes require('node:x') at run time. */
export const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'import-statement' ? { path: args.path, namespace: 'builtin-through-require' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin-through-require' }, (args) => {
      const lines = [`const builtin = require(${JSON.stringify(args.path)});`, 'export default builtin;'];
      for (const key of offeredExports(args.path)) lines.push(`export const ${key} = builtin.${key};`);
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};
