// Times `llm-plan sweep --budget 1e18flops..1e26flops --steps 100000 --format ndjson > /dev/null`
// (issue 4: target under 2 s on the project machine): a few runs of the built bin, median printed.
// Part of `npm run bench` (--only sweep); alone: node scripts/bench-sweep.mjs [runs]
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/llm-plan.js', import.meta.url));
const ARGS = ['sweep', '--budget', '1e18flops..1e26flops', '--steps', '100000', '--format', 'ndjson'];
const TARGET_SECONDS = 2;

/** Runs the sweep `runs` times with stdout to /dev/null and prints the median wall time. */
export function benchSweep(runs = 5) {
  const devNull = openSync('/dev/null', 'w');
  const times = [];
  try {
    for (let run = 0; run < runs; run++) {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [bin, ...ARGS], { stdio: ['ignore', devNull, 'pipe'] });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (result.status !== 0) throw new Error(`sweep run ${run + 1} exited ${result.status}: ${result.stderr}`);
      times.push(seconds);
    }
  } finally {
    closeSync(devNull);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `sweep --steps 100000 --format ndjson > /dev/null: median ${median.toFixed(2)} s over ${runs} runs` +
      ` (min ${times[0].toFixed(2)} s, max ${times.at(-1).toFixed(2)} s; target < ${TARGET_SECONDS} s) ${median < TARGET_SECONDS ? 'ok' : 'OVER'}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) benchSweep(Number(process.argv[2] ?? 5));
