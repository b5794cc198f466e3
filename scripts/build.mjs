// Builds the shipped CLI bundle (dist/llm-plan.js) and the library bundle (dist/index.js).
// One minified ESM file each; the table and colour code sit behind dynamic imports that esbuild
// wraps for lazy evaluation, so the --json path never evaluates them.
import { build } from 'esbuild';

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // cli-table3 and its dependencies are CommonJS; give the ESM bundle a require for them.
  banner: { js: "import { createRequire as __llmPlanCreateRequire } from 'node:module'; const require = __llmPlanCreateRequire(import.meta.url);" },
};

await Promise.all([
  build({ ...shared, entryPoints: ['src/cli/main.ts'], outfile: 'dist/llm-plan.js' }),
  // The library leaves its dependencies to the user's node_modules.
  build({ ...shared, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', packages: 'external' }),
]);
