// Times `llm-plan sweep --budget 1e18flops..1e26flops --steps 100000 --format ndjson > /dev/null`
// (issue 4: target under 2 s on the project machine). A few runs of the built bin; prints the median.
// Run after `npm run build`: node scripts/bench-sweep.mjs [runs]
import { spawnSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/llm-plan.js', import.meta.url));
const args = ['sweep', '--budget', '1e18flops..1e26flops', '--steps', '100000', '--format', 'ndjson'];
const runs = Number(process.argv[2] ?? 5);
const devNull = openSync('/dev/null', 'w');
const times = [];
try {
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', devNull, 'pipe'] });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) {
      console.error(`run ${run + 1} failed with exit ${result.status}: ${result.stderr}`);
      process.exit(1);
    }
    times.push(seconds);
  }
} finally {
  closeSync(devNull);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`sweep --steps 100000 --format ndjson > /dev/null: median ${median.toFixed(3)} s over ${runs} runs (min ${times[0].toFixed(3)} s, max ${times.at(-1).toFixed(3)} s); target < 2 s`);
