import { execFile } from 'node:child_process';
import { BIN, ROOT } from './cli.js';

/** ANSI control sequences (SGR colours and any other CSI), which take no room on screen. */
export const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Width of a line as a terminal shows it (code points; the output uses no wide characters). */
export function visibleWidth(line: string): number {
  return [...stripAnsi(line)].length;
}

export interface PtyResult {
  readonly code: number;
  /** stdout and stderr as the terminal received them, with `\r\n` turned back into `\n`. */
  readonly output: string;
}

/**
 * The text left on screen: `\r\n` is a newline; within a line, a bare `\r` returns to column 0 and
 * `ESC[2K` erases the line (how the progress bar redraws and clears itself), so only what was written
 * after the last `\r` stays. (Enough for this CLI, which always erases before writing a shorter line.)
 */
export function finalScreen(raw: string): string {
  return raw
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => (line.split('\r').at(-1) ?? '').replace(/^\u001b\[2K/, ''))
    .join('\n');
}

/** Quotes one argument for the POSIX shell `script` runs the command with. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs the built bin on a pseudo-terminal of `columns` columns, as a person at a terminal would
 * (util-linux `script`): stdout and stderr are the terminal, so colour is on unless `noColor`.
 */
export function runOnPty(args: readonly string[], options: { columns: number; noColor: boolean }): Promise<PtyResult> {
  const command = `stty cols ${options.columns} rows 50; exec node ${shellQuote(BIN)} ${args.map(shellQuote).join(' ')}`;
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm-256color', SHELL: '/bin/sh' };
  if (options.noColor) env.NO_COLOR = '1';
  return new Promise((resolve, reject) => {
    execFile('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000, maxBuffer: 16 << 20 }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : undefined) : 0;
      if (code === undefined) return reject(error ?? new Error('script failed'));
      resolve({ code, output: finalScreen(stdout) });
    });
  });
}

/** Runs `tasks` with at most `limit` at a time (the machine has 2 cores), keeping their order. */
export async function pool<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
