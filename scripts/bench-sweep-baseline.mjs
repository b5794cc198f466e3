// Plain Node writing the sweep's lines: the floor scripts/bench-sweep.mjs compares the sweep with.
// Builds each row's document with plain object code (a literal of the template line's shape, its
// numbers scaled per row), JSON.stringify's it and writes the lines to stdout in 64 kB pieces.
//   node scripts/bench-sweep-baseline.mjs ROWS TEMPLATE_JSON_LINE > /dev/null
import { writeSync } from 'node:fs';

const rows = Number(process.argv[2]);
const template = JSON.parse(process.argv[3]);

/** Source of an expression that rebuilds `value` with every number multiplied by `f`. */
function literal(value) {
  if (typeof value === 'number') return `${value}*f`;
  if (Array.isArray(value)) return `[${value.map(literal).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([key, child]) => `${JSON.stringify(key)}:${literal(child)}`).join(',')}}`;
  return JSON.stringify(value);
}
const makeRow = new Function('f', `return ${literal(template)};`);

let parts = [];
let size = 0;
for (let index = 0; index < rows; index++) {
  const line = `${JSON.stringify(makeRow(1 + index / rows))}\n`;
  parts.push(line);
  size += line.length;
  if (size >= 1 << 16) {
    writeSync(1, parts.join(''));
    parts = [];
    size = 0;
  }
}
if (parts.length > 0) writeSync(1, parts.join(''));
