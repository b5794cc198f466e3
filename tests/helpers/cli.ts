import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/llm-plan.js', import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process (fast): the same `run` the bin calls, with captured I/O; `stdin` feeds `-`. */
export async function runCli(
  argv: readonly string[],
  options: { env?: Record<string, string | undefined>; isTTY?: boolean; columns?: number; stdin?: string } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    columns: options.columns,
    ...(options.stdin === undefined ? {} : { readStdin: async () => new TextEncoder().encode(options.stdin) }),
  });
  return { code, stdout, stderr };
}

/** Spawns the built bin (`npm test` builds first), as a user or a CI job would run it. */
export function spawnCli(argv: readonly string[], options: { env?: Record<string, string>; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    input: options.input,
    timeout: 20_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Relative difference |a/b − 1|, for comparisons against independently computed values. */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual / expected - 1);
}
