/**
 * The layering rules, checked by `npm run depcruise` (in `npm run check` and CI). docs/architecture.md explains them.
 * A feature folder (src/features/<noun>/) is a module: other folders reach it through its index.ts; only app.ts, which
 * composes the HTTP surface, imports a feature's routes file.
 */
const feature = '^src/features/([^/]+)/';
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders depend one way: a cycle between folders means neither can be understood alone.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'feature-through-its-index',
      comment: "Another feature reaches this one through its index.ts, never a file inside it.",
      severity: 'error',
      from: { path: feature },
      to: { path: '^src/features/[^/]+/', pathNot: ['^src/features/$1/', '/index\\.ts$'] },
    },
    {
      name: 'outside-through-the-index',
      comment: 'Code outside src/features/ reaches a feature through its index.ts; app.ts alone registers routes.',
      severity: 'error',
      from: { path: '^src/', pathNot: [feature, '^src/app\\.ts$'] },
      to: { path: feature, pathNot: '/index\\.ts$' },
    },
    {
      name: 'app-registers-routes-only',
      severity: 'error',
      from: { path: '^src/app\\.ts$' },
      to: { path: feature, pathNot: ['/index\\.ts$', '\\.routes\\.ts$'] },
    },
    {
      name: 'repository-in-its-own-folder',
      comment: "A repository is its folder's own business: others call the folder's service or read model.",
      severity: 'error',
      from: { path: '^(src/.+)/[^/]+$' },
      to: { path: '\\.repository\\.ts$', pathNot: '^$1/[^/]+$' },
    },
    {
      name: 'routes-call-services',
      comment: 'Routes decode, call a service or command, and present; they build no queries.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: ['\\.repository\\.ts$', '^src/db/'], pathNot: '^src/db/(database|tables/)' },
    },
    {
      name: 'layers-point-down',
      comment: 'routes -> service -> repository: nothing below a route imports one, nothing below a service a service.',
      severity: 'error',
      from: { path: '\\.(repository|presenter|schemas)\\.ts$' },
      to: { path: '\\.(routes|service)\\.ts$|^src/(commands|http)/' },
    },
    {
      name: 'nothing-imports-routes',
      severity: 'error',
      from: { pathNot: ['^src/app\\.ts$', '\\.routes\\.ts$'] },
      to: { path: '\\.routes\\.ts$' },
    },
    {
      name: 'fastify-only-at-the-edge',
      comment: 'Services, commands and repositories know nothing of HTTP: Fastify stays in src/http/, routes and app.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/http/', '\\.routes\\.ts$', '^src/app\\.ts$'] },
      to: { path: '(^|/)node_modules/(fastify|@fastify)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
