// Builds the shipped CLI (dist/llm-plan.js + lazy dist/chunks/) and the library (dist/index.js).
//
// Start-up is what users feel (DESIGN §6), so the CLI is built in two passes:
//  1. esbuild splits src/cli/main.ts at its dynamic imports, so zod, yaml, d3, chalk and
//     cli-table3 land in chunks that only the commands needing them load;
//  2. the entry and every chunk it imports statically are bundled again into one file,
//     dist/llm-plan.js, which is all that `llm-plan --budget … --json` reads. Dynamic imports keep
//     pointing at the lazy chunks. Those chunks carry their own copy of the shared code they use;
//     the core is pure, and PlanError is recognised across copies (src/core/errors.ts).
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};
// commander and cli-table3 are CommonJS and require Node built-ins; give the ESM output a require.
const requireBanner = {
  js: "import { createRequire as __llmPlanCreateRequire } from 'node:module'; const require = __llmPlanCreateRequire(import.meta.url);",
};

const stage = 'dist/.stage';
rmSync(stage, { recursive: true, force: true });
rmSync('dist/chunks', { recursive: true, force: true });

await Promise.all([
  build({ ...shared, banner: requireBanner, entryPoints: { 'llm-plan': 'src/cli/main.ts' }, outdir: stage, splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
  // The library leaves its dependencies to the user's node_modules.
  build({ ...shared, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', packages: 'external' }),
]);

const keepLazyChunksExternal = {
  name: 'keep-lazy-chunks-external',
  setup(pluginBuild) {
    // A dynamic import stays one, whichever startup chunk it was in; its path is rewritten to be
    // relative to dist/, where the single start-up file lives.
    pluginBuild.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const target = relative(stage, resolve(args.resolveDir, args.path)).split(sep).join('/');
      return { path: `./${target}`, external: true };
    });
  },
};
await build({ ...shared, entryPoints: [`${stage}/llm-plan.js`], outfile: 'dist/llm-plan.js', plugins: [keepLazyChunksExternal] });

mkdirSync('dist', { recursive: true });
renameSync(`${stage}/chunks`, 'dist/chunks');
rmSync(stage, { recursive: true, force: true });
