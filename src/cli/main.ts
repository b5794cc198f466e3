import { PlanError } from '../domain/errors.js';
import { describeError, EXIT } from './exit-code.js';
import { run } from './run.js';

// The process boundary: the only file that touches `process`. Output goes through
// process.stdout.write so a closed pipe (`llm-plan … | head -1`) ends quietly (exit 0) instead of
// throwing; any other failure to write (a full disk) is one error line, not a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  process.stderr.write(
    describeError(new PlanError('bad-input', `cannot write the output: ${error.code ?? error.message}`, 'check that the disk or pipe stdout goes to can take it'), false),
  );
  process.exit(EXIT.usage);
});

let heapTuned = false;

/** Writes a piece of a large output; resolves once it is written (back-pressure). */
function writeStdout(text: string | Uint8Array): Promise<void> {
  if (!heapTuned) {
    heapTuned = true;
    // Streaming keeps no rows, yet V8 sizes its heap for throughput: it doubles the young generation
    // under steady allocation (up to 3 × 16 MB) and lets the old one reach 4× its live size before
    // collecting. That took a million-row sweep to 120 MB of RSS; with these two, about 70 MB.
    // Both are read at each collection, so setting them now takes effect; only streaming commands
    // set them (the plan path never gets here).
    void import('node:v8').then((v8) => {
      v8.setFlagsFromString('--semi-space-growth-factor=1');
      v8.setFlagsFromString('--heap-growing-percent=100');
    });
  }
  // Resolved by the write's callback: the piece has gone to the OS (a pipe or file), so the caller
  // may reuse its buffer, and a slow reader holds the next piece back.
  return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) throw new PlanError('invalid-file', `stdin: more than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

void run(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  writeStdout,
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  readStdin,
}).then((exitCode) => {
  process.exitCode = exitCode;
});
