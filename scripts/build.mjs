// Builds the shipped CLI (dist/llm-plan.cjs + lazy dist/chunks/, see scripts/build-cli.mjs), the
// library (dist/index.js), its type declarations (dist/types/, tsc -p tsconfig.build.json) and the
// CLI's V8 code cache (dist/v8-cache/, scripts/build-code-cache.mjs).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { buildCli } from './build-cli.mjs';
import { buildCodeCache } from './build-code-cache.mjs';

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

// The declarations take tsc several seconds; they are written while esbuild bundles.
rmSync('dist/types', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const declarations = new Promise((resolveDone, reject) => {
  spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' }).on('exit', (code) =>
    code === 0 ? resolveDone() : reject(new Error(`tsc -p tsconfig.build.json exited with ${code}`)),
  );
});

await Promise.all([
  declarations,
  buildCli(),
  // The library leaves its dependencies to the user's node_modules.
  build({ ...shared, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', packages: 'external' }),
]);

// After the CLI exists: V8's compiled code for its files, from runs of its commands.
buildCodeCache();
