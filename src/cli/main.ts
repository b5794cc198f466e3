import { fstatSync, statSync, writeSync } from 'node:fs';
import { PlanError } from '../domain/errors.js';
import { describeError, EXIT } from './exit-code.js';
import { run } from './run.js';

// The process boundary: the only file that touches `process`. A closed pipe (`llm-plan … | head -1`)
// ends quietly (exit 0) instead of throwing; any other failure to write (a full disk) is one error
// line, not a stack trace.
function onStdoutError(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  process.stderr.write(
    describeError(new PlanError('bad-input', `cannot write the output: ${error.code ?? error.message}`, 'check that the disk or pipe stdout goes to can take it'), false),
  );
  process.exit(EXIT.usage);
}

// Start-up (issue 16): `process.stdout` is built on first use, and building it loads Node's stream
// modules (and for a pipe or terminal, net and tty): about 0.08× of `node -e 0`, measured, for a
// plan that writes one document. So output goes to file descriptor 1 directly (a blocking pipe or a
// file makes the write wait for the reader: back-pressure), and the stream is made only for a
// terminal's width or a non-blocking pipe that is full; once made, every later write goes through
// it, so the order holds.
let stream: NodeJS.WriteStream | undefined;

function stdoutStream(): NodeJS.WriteStream {
  if (!stream) {
    stream = process.stdout;
    stream.on('error', onStdoutError);
  }
  return stream;
}

/**
 * Writes to file descriptor 1 while no stream exists. Returns what is left when the descriptor is a
 * non-blocking pipe that is full (EAGAIN): the caller hands that to the stream, which from then on
 * takes every write and sends it as the reader reads.
 */
function writeDirect(piece: string | Uint8Array, fd = 1): Uint8Array | undefined {
  const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return bytes.subarray(offset);
    if (fd === 1) return onStdoutError(error as NodeJS.ErrnoException);
    // stderr that cannot be written to: nowhere left to say so (as process.stderr would).
    return undefined;
  }
}

/** stderr the same way: direct, through process.stderr only for a full non-blocking pipe. */
let stderrStream: NodeJS.WriteStream | undefined;

function writeErr(text: string): void {
  const rest = stderrStream ? text : writeDirect(text, 2);
  if (rest === undefined) return;
  stderrStream ??= process.stderr;
  stderrStream.write(rest);
}

function writeOut(text: string): void {
  const rest = stream ? text : writeDirect(text);
  if (rest !== undefined) stdoutStream().write(rest);
}

/**
 * Whether a file descriptor is a terminal. fstat answers for a pipe, a file and /dev/null without
 * Node's tty module (which loads net and the streams); only another character device asks it.
 */
let devNull: number | undefined;

async function isTerminal(fd: number): Promise<boolean> {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    if (process.platform !== 'win32' && stat.rdev === (devNull ??= statSync('/dev/null').rdev)) return false;
  } catch {
    // Not answerable here: ask tty.
  }
  const { isatty } = await import('node:tty');
  return isatty(fd);
}

let piecesWritten = 0;

/** Writes a piece of a large output; resolves once it is written (back-pressure). */
function writeStdout(text: string | Uint8Array): Promise<void> {
  // From the second piece on, the output is large: a one-piece output (a check report, a short sweep)
  // does not need it, and loading node:v8 loads Node's stream modules.
  if (++piecesWritten === 2) {
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
  // Written directly, the piece has gone to the OS (a blocking pipe or a file waits for the reader);
  // through the stream, the write's callback says so. Either way the caller may then reuse its
  // buffer, and a slow reader holds the next piece back.
  const rest = stream ? text : writeDirect(text);
  if (rest === undefined) return Promise.resolve();
  return new Promise((resolve) => stdoutStream().write(rest, () => resolve()));
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

async function main(): Promise<number> {
  const isTTY = await isTerminal(1);
  return run(process.argv.slice(2), {
    stdout: writeOut,
    writeStdout,
    stderr: writeErr,
    env: process.env,
    isTTY,
    columns: isTTY ? stdoutStream().columns : undefined,
    stderrIsTTY: await isTerminal(2),
    readStdin,
  });
}

void main().then((exitCode) => {
  process.exitCode = exitCode;
});
