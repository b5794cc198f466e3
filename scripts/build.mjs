// Builds the shipped CLI (dist/llm-plan.js + lazy dist/chunks/), the library (dist/index.js) and its
// type declarations (dist/types/, tsc with tsconfig.build.json, run beside esbuild).
//
// Start-up is what users feel (DESIGN §6), so the CLI is built in two passes:
//  1. esbuild splits src/cli/main.ts at its dynamic imports, so zod, yaml, d3, chalk and
//     cli-table3 land in chunks that only the commands needing them load;
//  2. the entry and every chunk it imports statically are bundled again into one file,
//     dist/llm-plan.js, which is all that `llm-plan --budget … --json` reads. Dynamic imports keep
//     pointing at the lazy chunks. Those chunks carry their own copy of the shared code they use;
//     the core is pure, and PlanError is recognised across copies (src/domain/errors.ts).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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

// Node built-ins, loaded the cheap way. An ESM `import … from 'node:fs'` makes Node build a module
// facade that reads every export of fs, and reading `fs.promises` loads the promise API, streams
// and readline: milliseconds at every start for nothing. Through `require` they load as CommonJS,
// and esbuild reads only the properties the code uses. commander's child_process (for executable
// subcommands, which llm-plan has none of) is deferred until first use.
const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^node:|^(fs|path|os|tty|process|events|module|child_process|util|url)$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (name === 'module') return undefined; // the banner's createRequire itself
      // The shims' own require of the built-in stays a run-time require.
      if (args.namespace === 'builtin' || args.namespace === 'deferred-builtin') return { path: args.path, external: true };
      const deferred = name === 'child_process' && args.importer.includes('node_modules/commander/');
      return { path: name, namespace: deferred ? 'deferred-builtin' : 'builtin' };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require('node:${args.path}');`, loader: 'js' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'deferred-builtin' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, key) => require('node:${args.path}')[key] });`,
      loader: 'js',
    }));
  },
};

const stage = 'dist/.stage';
rmSync(stage, { recursive: true, force: true });
rmSync('dist/chunks', { recursive: true, force: true });
rmSync('dist/types', { recursive: true, force: true });

// The declarations take tsc several seconds; they are written while esbuild bundles.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const declarations = new Promise((resolveDone, reject) => {
  spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' }).on('exit', (code) =>
    code === 0 ? resolveDone() : reject(new Error(`tsc -p tsconfig.build.json exited with ${code}`)),
  );
});

await Promise.all([
  build({
    ...shared,
    banner: requireBanner,
    plugins: [builtinsThroughRequire],
    entryPoints: { 'llm-plan': 'src/cli/main.ts' },
    outdir: stage,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  // The library leaves its dependencies to the user's node_modules.
  build({ ...shared, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', packages: 'external' }),
]);

const keepLazyChunksExternal = {
  name: 'keep-lazy-chunks-external',
  setup(pluginBuild) {
    // Each stage file carries the require banner; the single file needs it once (added below).
    pluginBuild.onLoad({ filter: /\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(requireBanner.js, ''),
      loader: 'js',
    }));
    // A dynamic import stays one, whichever startup chunk it was in; its path is rewritten to be
    // relative to dist/, where the single start-up file lives.
    pluginBuild.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const target = relative(stage, resolve(args.resolveDir, args.path)).split(sep).join('/');
      return { path: `./${target}`, external: true };
    });
  },
};
await build({ ...shared, banner: requireBanner, entryPoints: [`${stage}/llm-plan.js`], outfile: 'dist/llm-plan.js', plugins: [keepLazyChunksExternal] });

mkdirSync('dist', { recursive: true });
renameSync(`${stage}/chunks`, 'dist/chunks');
rmSync(stage, { recursive: true, force: true });
await declarations;
