// Builds the shipped CLI (dist/llm-plan.cjs + lazy dist/chunks/, see scripts/build-cli.mjs) and the
// library (dist/index.js).
import { build } from 'esbuild';
import { buildCli } from './build-cli.mjs';

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all([
  buildCli(),
  // The library leaves its dependencies to the user's node_modules.
  build({ ...shared, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', packages: 'external' }),
]);
