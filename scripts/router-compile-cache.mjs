// An esbuild plugin for start-up time: find-my-way (Fastify's router) compiles a small function with `new Function`
// for every static node's prefix and every route's parameter list, each a fresh V8 compile, across Lectern's ~300
// routes (~600 with their HEAD twins). A prefix is matched with the native String#startsWith instead (find-my-way
// already does so for long prefixes), and parameter-object makers, pure in their input, are memoised per process.
// A find-my-way whose source no longer has the expected lines fails the build instead of being bundled unchanged.
import { readFile } from 'node:fs/promises';

const edits = {
  'lib/node.js': [
    [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: find-my-way's own source line, matched verbatim.
      "  return new Function('path', 'i', `'use strict'\\nreturn ${lines.join(' && ')}`) // eslint-disable-line",
      '  return function matchPrefix (path, i) { return path.startsWith(prefix, i) }',
    ],
  ],
  'lib/handler-storage.js': [
    [
      '  _compileCreateParamsObject (params) {',
      '  _compileCreateParamsObject (params) {\n' +
        "    const key = params.join('\\u0000')\n" +
        '    let create = paramsObjectMakers.get(key)\n' +
        '    if (create === undefined) paramsObjectMakers.set(key, (create = this._compileNewCreateParamsObject(params)))\n' +
        '    return create\n' +
        '  }\n' +
        '\n' +
        '  _compileNewCreateParamsObject (params) {',
    ],
    ["'use strict'\n", "'use strict'\n\nconst paramsObjectMakers = new Map()\n"],
  ],
};

/** The plugin: native prefix matchers and memoised parameter-object makers for find-my-way. */
export const routerCompileCache = {
  name: 'router-compile-cache',
  setup(build) {
    build.onLoad({ filter: /[\\/]find-my-way[\\/]lib[\\/](node|handler-storage)\.js$/ }, async (args) => {
      const file = args.path.replace(/\\/g, '/');
      const name = Object.keys(edits).find((suffix) => file.endsWith(`/find-my-way/${suffix}`));
      let contents = await readFile(args.path, 'utf8');
      for (const [from, to] of edits[name]) {
        if (!contents.includes(from)) {
          throw new Error(
            `find-my-way's ${name} no longer has "${from.trim()}": update scripts/router-compile-cache.mjs`,
          );
        }
        contents = contents.replace(from, to);
      }
      return { contents, loader: 'js' };
    });
  },
};
