// Times `llm-plan fit` on the Chinchilla runs (Epoch AI's extraction, tests/fixtures) against the
// built CLI, as a user runs it: process start-up included. Targets from issue 5: the plain fit
// (4500 starts) under 2 s, --bootstrap 1000 under 60 s. Build first (`npm run build`).
// Usage: node scripts/bench-fit.mjs [--runs N]   (N timed runs of the plain fit; default 5)
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/llm-plan.js', import.meta.url));
const DATA = fileURLToPath(new URL('../tests/fixtures/chinchilla-figure4-points.csv', import.meta.url));
const runsFlag = process.argv.indexOf('--runs');
const repeats = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;

/** Wall-clock seconds of one run of the CLI; fails loudly if it does not exit 0. */
function time(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`llm-plan ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { seconds, stdout: result.stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const nodeStart = median(Array.from({ length: 3 }, () => {
  const start = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return (performance.now() - start) / 1000;
}));

const plainArgs = ['fit', DATA, '--drop-top-loss', '5', '--json'];
const plain = Array.from({ length: repeats }, () => time(plainArgs));
const law = JSON.parse(plain[0].stdout);
const bootstrap = time([...plainArgs, '--bootstrap', '1000', '--seed', '1']);
const booted = JSON.parse(bootstrap.stdout);

const rows = [
  ['node -e 0 (baseline)', nodeStart, undefined],
  [`fit, 4500 starts (median of ${repeats})`, median(plain.map((run) => run.seconds)), 2],
  ['fit --bootstrap 1000', bootstrap.seconds, 60],
];
console.log('llm-plan fit on chinchilla-figure4-points.csv --drop-top-loss 5 (240 runs)');
// Wall-clock times on a shared machine depend on its load; print it so numbers can be compared.
console.log(`  ${cpus().length} CPUs, load average ${loadavg().map((v) => v.toFixed(1)).join(' ')}`);
for (const [label, seconds, target] of rows) {
  const verdict = target === undefined ? '' : seconds < target ? `  ok (< ${target} s)` : `  OVER the ${target} s target`;
  console.log(`  ${label.padEnd(40)} ${seconds.toFixed(2).padStart(7)} s${verdict}`);
}
const fmt = (v) => v.toPrecision(4);
console.log(`  fitted: E=${fmt(law.E)} A=${fmt(law.A)} B=${fmt(law.B)} alpha=${fmt(law.alpha)} beta=${fmt(law.beta)}` +
  ` (Epoch: 1.817 482.0 2085 0.3478 0.3658), converged=${law.fit.converged}`);
const { intervals } = booted.fit.bootstrap;
console.log(`  bootstrap 95%: E [${intervals.E.map(fmt)}] alpha [${intervals.alpha.map(fmt)}] beta [${intervals.beta.map(fmt)}]`);
process.exitCode = rows.every(([, seconds, target]) => target === undefined || seconds < target) ? 0 : 1;
