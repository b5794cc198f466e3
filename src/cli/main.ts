import { run } from './run.js';

// The process boundary: the only file that touches `process`. Output goes through
// process.stdout.write so a closed pipe (`llm-plan … | head -1`) ends quietly instead of throwing.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const exitCode = await run(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
});
process.exitCode = exitCode;
