// npm run bench: start-up of the shipped bin against bare `node -e 0`, measured in alternating
// pairs in one run (DESIGN §6), plus in-process throughput of the library. Not a test: it prints
// figures; the targets are in the README's performance section.
//
//   node scripts/bench.mjs [--pairs 25] [--only startup|throughput|sweep|layout|fit]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchLayout } from './bench-layout.mjs';
import { benchSweep } from './bench-sweep.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/llm-plan.js', import.meta.url));
const args = process.argv.slice(2);
const pairs = Number(args[args.indexOf('--pairs') + 1]) || 25;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

if (!existsSync(fileURLToPath(new URL('../dist/llm-plan.js', import.meta.url)))) {
  console.error('bench: dist/llm-plan.js is missing; run npm run build first');
  process.exit(2);
}

// NODE_EXTRA_CA_CERTS makes every node start read a certificate file: unset for both sides.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
delete env.FORCE_COLOR;

function time(argv) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { env, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function startup() {
  const cases = [
    ['plan --json', ['--budget', '5000gpuh', '--gpu', 'v100', '--json'], 2.0],
    ['plan table', ['--budget', '5000gpuh', '--gpu', 'v100'], 2.5],
    ['--help', ['--help'], 2.0],
  ];
  console.log(`start-up against node -e 0, ${pairs} alternating pairs each (median ratio of paired runs)`);
  for (let i = 0; i < 3; i++) time(['-e', '0']); // warm the file cache
  for (const [name, argv, target] of cases) {
    const ratios = [];
    const ours = [];
    const bare = [];
    for (let i = 0; i < pairs; i++) {
      const baseline = time(['-e', '0']);
      const measured = time([bin, ...argv]);
      bare.push(baseline);
      ours.push(measured);
      ratios.push(measured / baseline);
    }
    const ratio = median(ratios);
    console.log(
      `  ${name.padEnd(12)} ${median(ours).toFixed(1).padStart(6)} ms vs node -e 0 ${median(bare).toFixed(1).padStart(6)} ms` +
        `  ratio ${ratio.toFixed(2)}× (target ≤ ${target.toFixed(1)}×) ${ratio <= target ? 'ok' : 'OVER'}`,
    );
  }
}

async function throughput() {
  // planRule is internal (the library's door is plan()); tsx loads the TypeScript source directly.
  const { tsImport } = await import('tsx/esm/api');
  const load = (path) => tsImport(path, import.meta.url);
  const [{ planRule }, { pairRulesWithLoss }, { BUILTIN_RULES: rules, BUILTIN_LOSS_MODELS: losses }] = await Promise.all([
    load('../src/core/plan.ts'),
    load('../src/core/pair-rules.ts'),
    load('../src/presets/builtin.ts'),
  ]);
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

if (!only || only === 'startup') startup();
if (!only || only === 'throughput') await throughput();
if (!only || only === 'sweep') benchSweep();
if (!only || only === 'layout') await benchLayout(5);
// The fit bench (issue 5) runs as its own script; its figures print here in the same run.
if (!only || only === 'fit') {
  const fit = spawnSync(process.execPath, [fileURLToPath(new URL('./bench-fit.mjs', import.meta.url)), '--runs', '3'], { env, stdio: 'inherit' });
  if (fit.status !== 0) process.exitCode = 1;
}
