// Start-up of every command of the built bin against bare `node -e 0`, in one paired run
// (DESIGN §6, issue 16): each pair runs `node -e 0` and then the command, back to back, and the
// figure is the median of the pairs' ratios, so a machine that speeds up or slows down during the
// run moves both sides of a pair alike. Output goes to /dev/null; NODE_EXTRA_CA_CERTS and
// FORCE_COLOR are unset for both sides.
//   node scripts/bench-startup.mjs [--pairs 21]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/llm-plan.js', import.meta.url));

/**
 * [name, argv, target ratio, expected exit code]. Every command with a small real input; `fit`
 * by its help, because a fit is seconds of arithmetic, not start-up (bench-fit times it). A
 * command that does not exist in this build (`models`, `help`) is left out of the table.
 */
export const STARTUP_CASES = [
  ['plan --json', ['--budget', '5000gpuh', '--gpu', 'v100', '--json'], 1.4],
  ['plan table', ['--budget', '5000gpuh', '--gpu', 'v100'], 1.6],
  ['--help', ['--help'], 1.4],
  ['check (JSON file)', ['check', 'tests/fixtures/check/pass.json'], 2.0],
  ['check (YAML file)', ['check', 'tests/fixtures/check/plans.yaml'], 2.0, 1],
  ['plan --gpu FILE', ['--budget', '1e22flops', '--gpu', 'tests/fixtures/presets/my-gpu.json', '--json'], 2.0],
  ['schema plan', ['schema', 'plan'], 2.0],
  ['plot', ['plot', '--budget', '1e21flops'], 2.0],
  ['gpus', ['gpus'], 2.0],
  ['rules', ['rules'], 2.0],
  ['sweep (7 rows)', ['sweep', '--budget', '1e3gpuh..1e6gpuh', '--steps', '7', '--gpu', 'h100'], 2.0],
  ['fit --help', ['fit', '--help'], 2.0],
  ['completion bash', ['completion', 'bash'], 2.0],
  ['models', ['models'], 2.0],
  ['help', ['help'], 2.0],
];

const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
delete env.FORCE_COLOR;

function run(argv, expected = 0) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { env, cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, ok: result.status === expected, detail: `exited ${result.status}: ${String(result.stderr).slice(0, 300)}` };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs the paired comparison and prints the table; returns the rows (for the README). */
export function benchStartup(pairs = 21) {
  if (!existsSync(fileURLToPath(new URL('../dist/llm-plan.cjs', import.meta.url)))) {
    throw new Error('dist/llm-plan.cjs is missing; run npm run build first');
  }
  // Commands this build has: one trial run each (also warms the file cache).
  const cases = STARTUP_CASES.filter(([name, argv, , expected]) => {
    const trial = run([BIN, ...argv], expected);
    if (!trial.ok && (name === 'models' || name === 'help')) return false;
    if (!trial.ok) throw new Error(`llm-plan ${argv.join(' ')} ${trial.detail}`);
    return true;
  });
  for (let i = 0; i < 3; i++) run(['-e', '0']);
  const load = loadavg()[0];
  const samples = cases.map(() => ({ ours: [], bare: [], ratios: [] }));
  // Rounds over all cases, so every case sees the same spread of machine states.
  for (let pair = 0; pair < pairs; pair++) {
    cases.forEach(([, argv, , expected], index) => {
      const bare = run(['-e', '0']);
      const ours = run([BIN, ...argv], expected);
      if (!ours.ok) throw new Error(`llm-plan ${argv.join(' ')} ${ours.detail}`);
      samples[index].bare.push(bare.ms);
      samples[index].ours.push(ours.ms);
      samples[index].ratios.push(ours.ms / bare.ms);
    });
  }
  console.log(`start-up against node -e 0: ${pairs} pairs per command, median of the pairs' ratios (load average ${load.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end)`);
  console.log(`  ${'command'.padEnd(20)} ${'llm-plan'.padStart(9)} ${'node -e 0'.padStart(9)}  ratio   target`);
  const rows = cases.map(([name, , target], index) => {
    const ratio = median(samples[index].ratios);
    const row = { name, ms: median(samples[index].ours), bareMs: median(samples[index].bare), ratio, target, ok: ratio <= target };
    console.log(
      `  ${name.padEnd(20)} ${row.ms.toFixed(1).padStart(6)} ms ${row.bareMs.toFixed(1).padStart(6)} ms  ${ratio.toFixed(2)}×  ≤ ${target.toFixed(1)}× ${row.ok ? 'ok' : 'OVER'}`,
    );
    return row;
  });
  const over = rows.filter((row) => !row.ok).length;
  console.log(`  ${over === 0 ? 'every target met' : `${over} over target`}`);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--pairs');
  benchStartup(flag > 0 ? Number(process.argv[flag + 1]) : 21);
}
