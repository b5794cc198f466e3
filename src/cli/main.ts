import { PlanError } from '../domain/errors.js';
import { run } from './run.js';

// The process boundary: the only file that touches `process`. Output goes through
// process.stdout.write so a closed pipe (`llm-plan … | head -1`) ends quietly instead of throwing.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

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
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  readStdin,
}).then((exitCode) => {
  process.exitCode = exitCode;
});
