import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from './cli.js';

/** Runs the CLI in-process like `runCli`, with `stdin` as the bytes on standard input. */
export function runCliWithStdin(
  argv: readonly string[],
  stdin: string,
  options: { env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  return runCli(argv, { ...options, stdin });
}

/** A fresh temporary directory with the given files; returns its path and a cleanup. */
export function createTempFiles(files: Readonly<Record<string, string>>): { dir: string; path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'llm-plan-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
