// Writes dist/v8-cache/: V8's compiled code for the shipped CLI's files (issue 16), which
// bin/llm-plan.js hands to V8 at start. Each command below runs once through the bin with
// LLM_PLAN_CODE_CACHE_OUT set; the bin writes the cache of every dist file the command loaded after
// the command has run, so functions compiled lazily during it are included. A file loaded by several
// commands starts each run from the cache of the one before, so its cache covers all of them.
// Called by scripts/build.mjs after the CLI is built, with the Node that builds it: V8 takes the
// cache only from the same V8 version, so a bin run by another Node compiles as usual.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/llm-plan.js', import.meta.url));
const OUT = fileURLToPath(new URL('../dist/v8-cache', import.meta.url));

/** Commands a person runs most, then the rest: every lazy chunk is loaded by at least one. */
function commands(dir) {
  const checkJson = join(dir, 'check.json');
  const checkYaml = join(dir, 'check.yaml');
  const checkBad = join(dir, 'bad.json');
  const request = join(dir, 'request.json');
  const gpu = join(dir, 'gpu.json');
  const runs = join(dir, 'runs.csv');
  writeFileSync(checkJson, JSON.stringify([{ name: 'a', params: '70B', tokens: '1.4T', budget: '1e24flops', maxLoss: 2 }, { params: '1B', flops: 1.2e20 }]));
  writeFileSync(checkYaml, 'configs:\n  - name: b\n    params: 70B\n    tokens: 100B\n  - params: 7B\n    tokens: 2T\n    gpu: h100\n    gpus: 256\n    maxDays: 30\n');
  writeFileSync(checkBad, JSON.stringify({ params: '70B', tokens: 'many' }));
  writeFileSync(request, JSON.stringify({ budget: '5000gpuh', gpu: 'v100' }));
  writeFileSync(gpu, JSON.stringify({ id: 'cache-gpu', name: 'Cache GPU', vendor: 'build', denseTflops: { bf16: 500 }, memoryGB: 96, bandwidthGBps: 3000, source: 'build-time stand-in' }));
  // A small grid of (N, D, loss) from L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28, only to exercise the fit's code.
  const rows = [];
  for (const n of [1e8, 3e8, 1e9]) for (const d of [2e9, 6e9, 2e10]) rows.push(`${n},${d},${(1.69 + 406.4 / n ** 0.34 + 410.7 / d ** 0.28).toFixed(4)}`);
  writeFileSync(runs, `params,tokens,loss\n${rows.join('\n')}\n`);
  return [
    ['--budget', '5000gpuh', '--gpu', 'v100', '--json'],
    ['--budget', '5000gpuh', '--gpu', 'v100'],
    ['--budget', '5000gpuh', '--gpu', 'v100', '--rule', 'all', { FORCE_COLOR: '1' }],
    ['--help'],
    ['help'],
    ['--gpu', 'h100', '--gpus', '256', '--days', '21'],
    ['--budget', '1e22flops', '--gpu', gpu, '--json'],
    ['--budget', 'nonsense'],
    ['--budget', '1e22flops', '--format', 'markdown'],
    ['--budget', '1e22flops', '--format', 'csv'],
    ['--input', request],
    ['check', checkJson],
    ['check', checkYaml],
    ['check', checkYaml, '--format', 'junit'],
    ['check', checkYaml, '--format', 'markdown'],
    ['check', checkBad],
    ['schema', 'plan'],
    ['plot', '--budget', '1e21flops'],
    ['plot', '--budget', '1e21flops', '--svg', join(dir, 'plot.svg')],
    ['gpus'],
    ['rules'],
    ['models'],
    ['sweep', '--budget', '1e3gpuh..1e6gpuh', '--steps', '7', '--gpu', 'h100'],
    ['sweep', '--budget', '1e3gpuh..1e6gpuh', '--steps', '7', '--gpu', 'h100', '--format', 'ndjson'],
    ['sweep', '--budget', '1e3gpuh..1e6gpuh', '--steps', '7', '--gpu', 'h100', '--format', 'csv'],
    ['sweep', '--budget', '1e3gpuh..1e6gpuh', '--steps', '7', '--gpu', 'h100', '--json'],
    ['fit', '--help'],
    ['fit', runs],
    ['fit', runs, '--svg', join(dir, 'fit.svg')],
    ['completion', 'bash'],
  ];
}

export function buildCodeCache() {
  rmSync(OUT, { recursive: true, force: true });
  const dir = mkdtempSync(join(tmpdir(), 'llm-plan-cache-'));
  const env = { ...process.env, LLM_PLAN_CODE_CACHE_OUT: OUT };
  for (const key of ['NODE_OPTIONS', 'LLM_PLAN_CODE_CACHE', 'FORCE_COLOR', 'NO_COLOR', 'LLM_PLAN_PRESETS']) delete env[key];
  try {
    for (const command of commands(dir)) {
      // A trailing object is extra environment for that run (colour, say).
      const extra = typeof command.at(-1) === 'object' ? command.pop() : {};
      const argv = command;
      const run = spawnSync(process.execPath, [BIN, ...argv], { env: { ...env, ...extra }, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      // Exit 0, 1 (a check that fails) and 2 (bad input) are all runs of the CLI; anything else is a build error.
      if (run.status === null || run.status > 2) throw new Error(`build-code-cache: llm-plan ${argv.join(' ')} exited ${run.status ?? run.signal}: ${run.stderr.slice(0, 500)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The V8 the cache is for: tests that V8 takes it run only under this one.
  writeFileSync(join(OUT, 'v8-version.txt'), `${process.versions.v8}\n`);
}
