// npm run bench: start-up of every command of the shipped bin against bare `node -e 0`, in one
// paired run (DESIGN §6, scripts/bench-startup.mjs); in-process throughput of the library; the
// 100,000-row NDJSON sweep against plain Node writing the same lines (scripts/bench-sweep.mjs);
// the layout search and the fit. Not a test: it prints figures with their targets; the README's
// performance section shows a run.
//
//   node scripts/bench.mjs [--pairs 21] [--only startup|throughput|sweep|layout|fit]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchLayout } from './bench-layout.mjs';
import { benchStartup } from './bench-startup.mjs';
import { benchSweep } from './bench-sweep.mjs';

const args = process.argv.slice(2);
const pairs = Number(args[args.indexOf('--pairs') + 1]) || 21;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

if (!existsSync(fileURLToPath(new URL('../dist/llm-plan.cjs', import.meta.url)))) {
  console.error('bench: dist/llm-plan.cjs is missing; run npm run build first');
  process.exit(2);
}

// NODE_EXTRA_CA_CERTS makes every node start read a certificate file: unset for child scripts.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
delete env.FORCE_COLOR;

async function throughput() {
  // planRule is internal (the library's door is plan()): bundled here from the source with esbuild,
  // minified like the shipped files, so the figure is the shipped code's speed, not a loader's.
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'llm-plan-bench-'));
  const file = join(dir, 'throughput.mjs');
  const root = fileURLToPath(new URL('..', import.meta.url));
  await build({
    stdin: {
      contents: "export { planRule } from './src/core/plan.ts'; export { pairRulesWithLoss } from './src/core/pair-rules.ts'; export { BUILTIN_RULES, BUILTIN_LOSS_MODELS } from './src/presets/builtin.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: true,
    outfile: file,
    logLevel: 'warning',
  });
  const { planRule, pairRulesWithLoss, BUILTIN_RULES: rules, BUILTIN_LOSS_MODELS: losses } = await import(pathToFileURL(file).href);
  rmSync(dir, { recursive: true, force: true });
  const scored = pairRulesWithLoss([rules.find((r) => r.id === 'deepmind')], losses, undefined)[0];
  const count = 2_000_000;
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const flops = 1e20 * (1 + (i % 1000) / 10);
    sink += planRule(scored, flops).params;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`library throughput: ${(count / seconds / 1e6).toFixed(2)} M plans/s (planRule, deepmind, target ≥ 1 M/s)${sink > 0 ? '' : ' ?'}`);
}

if (!only || only === 'startup') benchStartup(pairs);
if (!only || only === 'throughput') await throughput();
if (!only || only === 'sweep') benchSweep(5);
if (!only || only === 'layout') await benchLayout(5);
// The fit bench (issue 5) runs as its own script; its figures print here in the same run.
if (!only || only === 'fit') {
  const fit = spawnSync(process.execPath, [fileURLToPath(new URL('./bench-fit.mjs', import.meta.url)), '--runs', '3'], { env, stdio: 'inherit' });
  if (fit.status !== 0) process.exitCode = 1;
}
