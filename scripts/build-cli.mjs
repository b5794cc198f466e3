// Builds the shipped CLI: one CommonJS start-up file, dist/llm-plan.cjs, and lazy CommonJS chunks in
// dist/chunks/. Called by scripts/build.mjs; returns facts about the output for tests and the bench.
//
// Start-up is what users feel (DESIGN §6), so:
//  1. esbuild splits src/cli/main.ts at its dynamic imports (ESM, into a staging directory), so
//     zod, yaml, d3, chalk and each command's code land in chunks that only the commands needing
//     them load;
//  2. the entry and every chunk it imports statically become one CommonJS file, dist/llm-plan.cjs:
//     all that `llm-plan --budget … --json` reads. CommonJS because Node starts a CommonJS program
//     without its ESM loader (measured: an empty ESM module costs 1.13–1.18× `node -e 0`, CommonJS
//     1.08×). It also exports those start-up chunks, so that
//  3. every lazy chunk, converted to CommonJS on its own, takes the code it shares with the start-up
//     (commander, the core, the presets) from the start-up file instead of loading a second copy:
//     one commander, one PlanError class. Chunks shared only by lazy chunks stay files of their own.
// Dynamic imports become `require` (esbuild's `dynamic-import: false`), so nothing loads through
// the ESM loader. bin/llm-plan.js is CommonJS too (bin/package.json says so).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const STAGE = 'dist/.stage-cli';
const STARTUP = 'dist/llm-plan.cjs';
const CHUNKS = 'dist/chunks';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
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
      // Loaded by a dynamic import (main.ts: v8 for streaming, tty when fstat cannot tell): left
      // external, it becomes a plain require.
      if (name === 'v8' || (name === 'tty' && args.kind === 'dynamic-import')) return undefined;
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

// The ESM stage needs a `require` for the shims above and for commander and cli-table3 (CommonJS).
const requireBanner = {
  js: "import { createRequire as __llmPlanCreateRequire } from 'node:module'; const require = __llmPlanCreateRequire(import.meta.url);",
};

const toPosix = (path) => path.split(sep).join('/');
/** The stage file name without extension: `chunks/chunk-ABC123`. */
const stageName = (file) => toPosix(relative(STAGE, file)).replace(/\.js$/, '');
/** The key under which the start-up file exports a start-up chunk. */
const exportKey = (name) => `_${basename(name).replace(/[^A-Za-z0-9_$]/g, '_')}`;

const JSON_SCHEMA_MODULE = resolve('src/domain/schemas/json-schema.ts');

/**
 * `llm-plan schema NAME` prints the same document for a given build, so the CLI ships the JSON
 * Schemas computed here, from the zod schemas by src/domain/schemas/json-schema.ts itself, in place
 * of that module: printing a schema loads no zod. Unknown names fail as before (pickSchema).
 * tests/cli/lazy-load.e2e.test.ts compares every schema with the zod path's.
 */
async function precomputedJsonSchemas() {
  const file = `${STAGE}-schemas.mjs`;
  await build({ ...common, minify: false, format: 'esm', entryPoints: [JSON_SCHEMA_MODULE], outfile: file });
  const { createJsonSchema, listSchemaNames } = await import(`${pathToFileURL(resolve(file)).href}?${Date.now()}`);
  rmSync(file, { force: true });
  const schemas = Object.fromEntries(listSchemaNames().map((name) => [name, createJsonSchema(name)]));
  const contents =
    `import { pickSchema } from './pick-schema.js';\n` +
    `const SCHEMAS = JSON.parse(${JSON.stringify(JSON.stringify(schemas))});\n` +
    `export function listSchemaNames() { return Object.keys(SCHEMAS); }\n` +
    `export function createJsonSchema(name) { return structuredClone(pickSchema(SCHEMAS, name)); }\n`;
  return {
    name: 'precomputed-json-schemas',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /json-schema\.ts$/ }, (args) =>
        args.path === JSON_SCHEMA_MODULE ? { contents, loader: 'js', resolveDir: dirname(JSON_SCHEMA_MODULE) } : undefined,
      );
    },
  };
}

const COMPLETION_OUTLINE_MODULE = resolve('src/cli/completion-outline.ts');

/**
 * `llm-plan completion` reads every command's flags. The CLI ships that outline computed here, by
 * src/cli/completion-outline.ts itself (which registers every command on a commander program), in
 * place of that module: a completion script then loads no command module, no zod and no JSON
 * Schemas. tests/cli/lazy-load.e2e.test.ts compares the built scripts with the source path's.
 */
async function precomputedCompletionOutline() {
  const file = `${STAGE}-outline.mjs`;
  const entry = `import { loadCompletionOutline } from './src/cli/completion-outline.ts';\nimport { createFullProgram } from './src/cli/run.ts';\nexport { loadCompletionOutline, createFullProgram };\n`;
  await build({ ...common, minify: false, format: 'esm', banner: requireBanner, stdin: { contents: entry, resolveDir: resolve('.'), sourcefile: 'outline.js', loader: 'js' }, outfile: file });
  const { loadCompletionOutline, createFullProgram } = await import(`${pathToFileURL(resolve(file)).href}?${Date.now()}`);
  rmSync(file, { force: true });
  // The outline reads no I/O; the program keeps this for its help text, which the outline does not hold.
  const io = { stdout: () => {}, stderr: () => {}, env: {}, isTTY: false };
  const outline = await loadCompletionOutline(() => createFullProgram(io));
  const contents =
    `const OUTLINE = JSON.parse(${JSON.stringify(JSON.stringify(outline))});\n` +
    `export async function loadCompletionOutline() { return OUTLINE; }\n`;
  return {
    name: 'precomputed-completion-outline',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /completion-outline\.ts$/ }, (args) =>
        args.path === COMPLETION_OUTLINE_MODULE ? { contents, loader: 'js', resolveDir: dirname(COMPLETION_OUTLINE_MODULE) } : undefined,
      );
    },
  };
}

/** Builds the CLI; returns (and writes to dist/cli-build.json) the packages each shipped file holds. */
export async function buildCli() {
  rmSync(STAGE, { recursive: true, force: true });
  rmSync(CHUNKS, { recursive: true, force: true });
  rmSync('dist/llm-plan.js', { force: true });
  const jsonSchemas = await precomputedJsonSchemas();
  const completionOutline = await precomputedCompletionOutline();

  const stage = await build({
    ...common,
    format: 'esm',
    banner: requireBanner,
    plugins: [builtinsThroughRequire, jsonSchemas, completionOutline],
    entryPoints: { 'llm-plan': 'src/cli/main.ts' },
    outdir: STAGE,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
  });

  // The start-up set: the entry and every chunk it reaches by static imports.
  const outputs = stage.metafile.outputs;
  const entry = `${STAGE}/llm-plan.js`;
  const startup = new Set();
  const visit = (file) => {
    if (startup.has(file)) return;
    startup.add(file);
    for (const imported of outputs[file]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entry);
  const lazy = Object.keys(outputs).filter((file) => file.endsWith('.js') && !startup.has(file));
  // Start-up chunks a lazy chunk imports: the start-up file exports exactly these.
  const shared = [...startup].filter((file) => file !== entry && lazy.some((other) => outputs[other].imports.some((imported) => imported.path === file)));

  const stripBanner = {
    name: 'strip-banner',
    setup(pluginBuild) {
      // CommonJS has its own require; the stage files' banner (an ESM import) must go.
      pluginBuild.onLoad({ filter: /\.js$/, namespace: 'file' }, (args) => ({ contents: readStage(args.path), loader: 'js' }));
    },
  };

  /**
   * Resolves the imports between stage files for a CommonJS output at `outFile`: a start-up chunk
   * bundled into the start-up file stays bundled there; from a lazy chunk it is read from the
   * start-up file's exports; any other chunk is an external `require` of its .cjs file.
   */
  const linkChunks = (outFile, insideStartup) => ({
    name: 'link-chunks',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (args.namespace === 'startup-export') return { path: args.path, external: true };
        const target = resolve(args.resolveDir, args.path);
        const file = `${STAGE}/${toPosix(relative(STAGE, target))}`;
        if (!(file in outputs)) return undefined;
        if (startup.has(file)) {
          if (insideStartup) return undefined;
          return { path: file, namespace: 'startup-export' };
        }
        const outPath = `dist/${stageName(file)}.cjs`;
        let path = toPosix(relative(dirname(outFile), outPath));
        if (!path.startsWith('.')) path = `./${path}`;
        return { path, external: true };
      });
      pluginBuild.onLoad({ filter: /.*/, namespace: 'startup-export' }, (args) => {
        const fromChunk = toPosix(relative(dirname(outFile), STARTUP));
        return { contents: `module.exports = require('${fromChunk.startsWith('.') ? fromChunk : `./${fromChunk}`}').${exportKey(stageName(args.path))};`, loader: 'js' };
      });
    },
  });

  const cjs = { ...common, format: 'cjs', supported: { 'dynamic-import': false } };

  // 2. The start-up file: runs main, exports the shared start-up chunks for the lazy ones.
  const startupSource =
    `import './llm-plan.js';\n` + shared.map((file) => `export * as ${exportKey(stageName(file))} from './${stageName(file)}.js';\n`).join('');
  const startupBuild = await build({
    ...cjs,
    metafile: true,
    stdin: { contents: startupSource, resolveDir: STAGE, sourcefile: 'startup.js', loader: 'js' },
    outfile: STARTUP,
    plugins: [stripBanner, linkChunks(STARTUP, true)],
  });

  // 3. Every lazy chunk on its own, as CommonJS.
  mkdirSync(CHUNKS, { recursive: true });
  const lazyBuilds = await Promise.all(
    lazy.map((file) => {
      const outFile = `dist/${stageName(file)}.cjs`;
      return build({ ...cjs, metafile: true, entryPoints: [file], outfile: outFile, plugins: [stripBanner, linkChunks(outFile, false)] });
    }),
  );

  rmSync(STAGE, { recursive: true, force: true });

  // Which packages' code each shipped file holds: its stage inputs, traced back to the sources
  // in the stage metafile. tests/cli/bundle-facts.e2e.test.ts reads this (one commander, zod and
  // yaml only in lazy chunks) beside the files each command actually loads.
  const packagesOf = (stageFile) =>
    Object.entries(outputs[stageFile]?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([input]) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? 'llm-plan');
  // And which modules it holds (src/… and node_modules/…): the cluster model only in lazy chunks,
  // zod's mini API without its classic one for a user preset file.
  const sourcesOf = (stageFile) =>
    Object.entries(outputs[stageFile]?.inputs ?? {})
      .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && /^(src|node_modules)\//.test(input))
      .map(([input]) => input);
  const files = {};
  const sources = {};
  for (const result of [startupBuild, ...lazyBuilds]) {
    for (const [outFile, output] of Object.entries(result.metafile.outputs)) {
      const inputs = Object.keys(output.inputs).filter((input) => input.startsWith(STAGE));
      const name = toPosix(relative('dist', outFile));
      files[name] = [...new Set(inputs.flatMap(packagesOf))].sort();
      sources[name] = [...new Set(inputs.flatMap(sourcesOf))].sort();
    }
  }
  const facts = {
    startup: 'llm-plan.cjs',
    files,
    sources,
  };
  writeFileSync('dist/cli-build.json', `${JSON.stringify(facts, null, 2)}\n`);
  return facts;
}

function readStage(path) {
  return readFileSync(path, 'utf8').replace(requireBanner.js, '');
}
