// Plain Node writing the sweep's lines: the floor scripts/bench-sweep.mjs compares the sweep with.
//   node scripts/bench-sweep-baseline.mjs SEGMENTS.json > /dev/null
// SEGMENTS.json lists the sweep output's runs of same-shaped rows (the same keys, array lengths
// and strings up to their digits): { count, first, last }, the first and last line of each run.
// For each row this script builds the document with plain object code (a literal of the run's
// shape: numbers that differ between the run's first and last line move linearly from one to the
// other, the rest are copied), JSON.stringify's it, and writes the lines the way the sweep does:
// encoded into one reused 64 kB buffer, each piece handed to process.stdout.write and waited for
// (its callback) before the next. So both write about the same bytes (the same rows' shapes, the
// same non-ASCII notes, numbers of the same length) with the same back-pressure; nothing planned.
// It prints the bytes it wrote on stderr (bytes=N) for the bench to compare.
import { readFileSync } from 'node:fs';

const segments = JSON.parse(readFileSync(process.argv[2], 'utf8'));

/** Source of an expression that rebuilds the row at `t` (0 at `first`, 1 at `last`). */
function literal(first, last) {
  if (typeof first === 'number') return first === last ? `${first}` : `(${first}+${last - first}*t)`;
  if (Array.isArray(first)) return `[${first.map((child, index) => literal(child, last[index])).join(',')}]`;
  if (first !== null && typeof first === 'object') {
    return `{${Object.entries(first).map(([key, child]) => `${JSON.stringify(key)}:${literal(child, last[key])}`).join(',')}}`;
  }
  return JSON.stringify(first);
}

const PIECE_BYTES = 1 << 16;
const piece = Buffer.allocUnsafeSlow(PIECE_BYTES);
let used = 0;
let bytes = 0;
const flush = () => {
  bytes += used;
  const done = new Promise((resolve) => process.stdout.write(piece.subarray(0, used), resolve));
  used = 0;
  return done;
};

for (const { count, first, last } of segments) {
  const makeRow = new Function('t', `return ${literal(JSON.parse(first), JSON.parse(last))};`);
  for (let index = 0; index < count; index++) {
    const line = `${JSON.stringify(makeRow(count > 1 ? index / (count - 1) : 0))}\n`;
    if (used + line.length * 3 > PIECE_BYTES) await flush();
    used += piece.write(line, used);
  }
}
if (used > 0) await flush();
process.stderr.write(`bytes=${bytes}\n`);
