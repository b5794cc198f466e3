// Builds the shipped CLI bundle (dist/llm-plan.js) and the library bundle (dist/index.js).
// Minified ESM. The CLI is split at its dynamic imports into dist/chunks/, so the --json path
// neither evaluates nor even reads the table, colour, zod and yaml code.
import { rmSync } from 'node:fs';
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

// Chunks from an earlier build carry other hashes; remove them so dist/ holds one build.
rmSync('dist/chunks', { recursive: true, force: true });

await Promise.all([
  // Split at dynamic imports: zod and yaml (~600 kB) go to chunks that only `check`, `schema` and
  // user preset files load. In one file, V8 would still have to read them on every start.
  build({ ...shared, entryPoints: { 'llm-plan': 'src/cli/main.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
  // The library leaves its dependencies to the user's node_modules.
  build({ ...shared, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', packages: 'external' }),
]);
