/** Architecture rules, checked by `npm run lint` (dependency-cruiser). */
module.exports = {
  forbidden: [
    {
      name: 'no-cross-context-imports',
      comment: "A context never imports another context's code: share through lib/ or events instead.",
      severity: 'error',
      from: { path: '^subgraphs/([^/]+)/' },
      to: { path: '^subgraphs/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'lib-has-no-business',
      comment: 'lib/ is the shared kernel: it must not depend on a context or the gateway.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(subgraphs|gateway)/' },
    },
    {
      name: 'gateway-knows-no-context-code',
      comment: 'The gateway talks to subgraphs over HTTP only.',
      severity: 'error',
      from: { path: '^gateway/' },
      to: { path: '^subgraphs/' },
    },
    {
      name: 'services-see-no-prisma',
      comment:
        'Services, consumers and event builders see repositories only: Prisma, the generated clients and ' +
        '*.prisma.ts stay behind the repositories (src/<context>.repos.ts).',
      severity: 'error',
      from: { path: '^subgraphs/.+\\.(service|consumers|publish)\\.ts$' },
      to: { path: ['__generated__', '\\.prisma\\.ts$', '(^|/)@prisma/'] },
    },
    {
      name: 'web-app-stands-alone',
      comment:
        'The web app runs in the browser and talks to the gateway over HTTP: it imports no server code, and ' +
        'no server code imports it (tests may, to format figures as the app does).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(lib|subgraphs|gateway|scripts|tests)/' },
    },
    {
      name: 'servers-do-not-import-the-web-app',
      severity: 'error',
      from: { path: '^(lib|subgraphs|gateway|scripts)/' },
      to: { path: '^web/' },
    },
    {
      name: 'no-circular',
      comment:
        'No import cycles (type-only imports count): a cycle means two files are one idea, or a third is missing.',
      severity: 'error',
      from: { path: '^(lib|subgraphs|gateway|scripts|web)/' },
      to: { circular: true },
    },
  ],
  options: {
    // Packages and generated code stay in the graph as leaves (so rules can forbid depending on them) but
    // are not followed.
    doNotFollow: { path: ['node_modules', '__generated__'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
