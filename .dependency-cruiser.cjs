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
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^node_modules|__generated__)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
