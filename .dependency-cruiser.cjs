/**
 * Module boundaries (STYLE.md "Layout: a domain is a folder"), checked by `npm run lint`
 * through scripts/depcruise.mjs.
 *
 * A server module (server/src/modules/<m>/) or web feature (web/src/features/<f>/) is used by
 * others only through its index.ts, and modules never import each other in a loop: a loop means
 * neither can be read, tested or changed alone, and ES modules then see half-initialised exports.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-module-cycle',
      severity: 'error',
      comment: 'Server modules depend on each other in one direction only (e.g. duplicates -> customers). Break a loop with a hook registered in app.ts, or by moving the shared piece down into platform.',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: { circular: true, via: { pathNot: '^server/src/modules/$1/' } },
    },
    {
      name: 'module-through-index',
      severity: 'error',
      comment: "Another server module is used through its index.ts only: its public face, not its repository or service files.",
      from: { path: '^server/src/modules/([^/]+)/' },
      to: { path: '^server/src/modules/[^/]+/', pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-feature-cycle',
      severity: 'error',
      comment: 'Web features depend on each other in one direction only.',
      from: { path: '^web/src/features/([^/]+)/' },
      to: { circular: true, via: { pathNot: '^web/src/features/$1/' } },
    },
    {
      name: 'feature-through-index',
      severity: 'error',
      comment: 'Another web feature is used through its index.ts(x) only.',
      from: { path: '^web/src/features/([^/]+)/' },
      to: { path: '^web/src/features/[^/]+/', pathNot: ['^web/src/features/$1/', '^web/src/features/[^/]+/index\\.tsx?$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|build|node_modules)/' },
    // Type-only imports are dependencies too: they tie one module to another's internals.
    tsPreCompilationDeps: true,
    // The server imports './x.js' for './x.ts' (NodeNext), which dependency-cruiser maps itself;
    // the web imports without extensions.
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
