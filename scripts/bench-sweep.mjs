// The 100,000-row NDJSON sweep against plain Node writing the same lines, in one paired run
// (issue 16: within 1.5×, peak memory under 80 MB whatever the row count).
//
//   llm-plan sweep --budget 1e18flops..1e26flops --steps 100000 --format ndjson > /dev/null
//
// "Plain Node" is scripts/bench-sweep-baseline.mjs: a process that builds each line's document with
// plain object code from the sweep's own output (each run of same-shaped rows: its first and last
// line, the numbers moving between them), JSON.stringify's it and writes the lines as the sweep
// does (64 kB pieces, each waited for): about the same bytes (both sizes are printed), the same
// back-pressure, nothing planned. Each pair runs the baseline and the sweep back to back; the
// figure is the median of the pairs' ratios. Peak memory is the kernel's maxRSS of the sweep process.
// Part of `npm run bench` (--only sweep); alone: node scripts/bench-sweep.mjs [pairs]
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/llm-plan.js', import.meta.url));
const BASELINE = fileURLToPath(new URL('./bench-sweep-baseline.mjs', import.meta.url));
const REPORT_MAX_RSS = fileURLToPath(new URL('./report-max-rss.cjs', import.meta.url));
const ROWS = 100_000;
const ARGS = ['sweep', '--budget', '1e18flops..1e26flops', '--steps', String(ROWS), '--format', 'ndjson'];
const TARGET_RATIO = 1.5;
const TARGET_RSS_MB = 80;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function timed(argv, stdout) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  const rss = /max-rss-kb=(\d+)/.exec(result.stderr);
  const written = /bytes=(\d+)/.exec(result.stderr);
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, bytes: written ? Number(written[1]) : Number.NaN };
}

/** Runs of consecutive lines of the same shape (equal once every number is masked): { count, first, last }. */
function segmentsOf(text) {
  const segments = [];
  let shape;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const lineShape = line.replace(/-?\d[\d.e+-]*/g, '0');
    const last = segments.at(-1);
    if (last && lineShape === shape) {
      last.count++;
      last.last = line;
    } else {
      segments.push({ count: 1, first: line, last: line });
      shape = lineShape;
    }
  }
  return segments;
}

/** Runs `pairs` pairs and prints the ratio and peak memory. */
export function benchSweep(pairs = 5) {
  // The sweep's own output is the baseline's template, run by run of same-shaped rows.
  const dir = mkdtempSync(join(tmpdir(), 'llm-plan-bench-'));
  const segmentsFile = join(dir, 'segments.json');
  let bytes;
  let baselineBytes;
  const devNull = openSync('/dev/null', 'w');
  const ratios = [];
  const ours = [];
  const plain = [];
  const rss = [];
  let load;
  try {
    const file = join(dir, 'sweep.ndjson');
    const out = openSync(file, 'w');
    timed([BIN, ...ARGS], out);
    closeSync(out);
    const text = readFileSync(file, 'utf8');
    bytes = Buffer.byteLength(text);
    writeFileSync(segmentsFile, JSON.stringify(segmentsOf(text)));
    rmSync(file);
    load = loadavg()[0];
    for (let pair = 0; pair < pairs; pair++) {
      const base = timed([BASELINE, segmentsFile], devNull);
      baselineBytes = base.bytes;
      const sweep = timed(['-r', REPORT_MAX_RSS, BIN, ...ARGS], devNull);
      plain.push(base.seconds);
      ours.push(sweep.seconds);
      ratios.push(sweep.seconds / base.seconds);
      rss.push(sweep.rssMb);
    }
  } finally {
    closeSync(devNull);
    rmSync(dir, { recursive: true, force: true });
  }
  const ratio = median(ratios);
  const peak = Math.max(...rss);
  console.log(
    `sweep --steps ${ROWS} --format ndjson > /dev/null (${(bytes / 1e6).toFixed(1)} MB; plain Node ${(baselineBytes / 1e6).toFixed(1)} MB), ${pairs} pairs (load average ${load.toFixed(2)} at the start):`,
  );
  console.log(
    `  llm-plan ${median(ours).toFixed(2)} s, plain Node writing the same lines ${median(plain).toFixed(2)} s: ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'ok' : 'OVER'}`,
  );
  console.log(`  peak memory (maxRSS) ${peak.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB) ${peak < TARGET_RSS_MB ? 'ok' : 'OVER'}`);
  return { ratio, seconds: median(ours), plainSeconds: median(plain), peakMb: peak };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) benchSweep(Number(process.argv[2] ?? 5));
