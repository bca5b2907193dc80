/**
 * The layering, checked by `npm run depcruise` (in `npm run check` and CI); docs/architecture.md draws it.
 * app.ts -> routes (src/features/<noun>/, src/commands/) -> commands -> features' services -> their repositories -> db,
 * with src/access/ and src/events/ below every feature. A feature folder is a module: other folders use its index.ts.
 * Type-only imports carry no code, so the direction rules ignore them.
 */
const feature = '^src/features/([^/]+)/';
/** The HTTP edge: routes, entity kinds (their routes' declarations) and request readers. */
const edge = '\\.(routes|kind|request)\\.ts$';
const runtime = { dependencyTypesNot: ['type-only'] };

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
    { name: 'no-module-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'feature-through-its-index',
      comment: 'Another feature reaches this one through its index.ts, never a file inside it.',
      severity: 'error',
      from: { path: feature },
      to: { path: '^src/features/[^/]+/', pathNot: ['^src/features/$1/', '/index\\.ts$'] },
    },
    {
      name: 'outside-through-the-index',
      comment: 'Code outside src/features/ reaches a feature through its index.ts; app.ts alone imports routes.',
      severity: 'error',
      from: { path: '^src/', pathNot: [feature, '^src/app\\.ts$'] },
      to: { path: feature, pathNot: '/index\\.ts$' },
    },
    {
      name: 'app-imports-routes-or-index',
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
      name: 'public-surface-without-queries',
      comment: "A folder's index.ts offers its services and read models, not its repository's queries.",
      severity: 'error',
      from: { path: '/index\\.ts$' },
      to: { path: '\\.repository\\.ts$', ...runtime },
    },
    {
      name: 'routes-call-services',
      comment: 'Routes decode, call a service or command, and present; they build no queries.',
      severity: 'error',
      from: { path: edge },
      to: { path: ['\\.repository\\.ts$', '^src/db/'], pathNot: '^src/db/(database|tables/)', ...runtime },
    },
    {
      name: 'repositories-at-the-bottom',
      severity: 'error',
      from: { path: '\\.repository\\.ts$' },
      to: { path: [edge, '\\.(service|presenter)\\.ts$', '^src/(commands|http)/'], ...runtime },
    },
    {
      name: 'services-below-routes',
      comment: 'Services, presenters and schemas never reach up to the HTTP edge or to a command.',
      severity: 'error',
      from: { path: '\\.(service|presenter|schemas)\\.ts$' },
      to: { path: [edge, '^src/commands/'], ...runtime },
    },
    {
      name: 'presenters-are-pure',
      comment: 'A presenter turns rows into Zoho objects: it may name a service type, never call one.',
      severity: 'error',
      from: { path: '\\.presenter\\.ts$' },
      to: { path: '\\.(service|repository)\\.ts$', ...runtime },
    },
    {
      name: 'nothing-imports-routes',
      comment: 'Routes are leaves that app.ts registers (a feature index may pass on the entity kinds machinery).',
      severity: 'error',
      from: { path: '^src/', pathNot: [edge, '^src/app\\.ts$', '/index\\.ts$'] },
      to: { path: '\\.routes\\.ts$' },
    },
    {
      name: 'fastify-only-at-the-edge',
      comment: 'Services, commands and repositories know nothing of HTTP: Fastify stays in src/http/, the edge, app.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/http/', edge, '^src/app\\.ts$'] },
      to: { path: '(^|/)node_modules/(fastify|@fastify)/' },
    },
    {
      name: 'typebox-only-in-schemas',
      comment:
        'Request and response schemas are declared in *.schemas.ts beside their routes (the route files name them), ' +
        'so TypeBox is imported there and in a short list of files that need it; a type-only import builds nothing.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [
          '\\.schemas\\.ts$',
          // The HTTP edge's own schemas: envelopes, parameter declarations, the data-object validator, OpenAPI.
          '^src/http/',
          // An entity kind's data object is part of its declaration, beside the reader of its fields.
          '\\.kind\\.ts$',
          // Every setting is declared once as a TypeBox schema (settings.ts); config.ts checks values against them.
          '^src/(settings|config)\\.ts$',
          // A fixture file is checked against its schema with TypeBox's compiler, to name a bad field by its path.
          '^src/control-room/fixtures\\.check\\.ts$',
        ],
      },
      to: { path: '(^|/)node_modules/@sinclair/typebox/', ...runtime },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
