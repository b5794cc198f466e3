import { exec } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';
import { matchesTranscript, readmeCommands, readmeTranscripts } from './readme-blocks.js';

/**
 * Every command of README.md runs as written (issue 11), from a directory that looks like a fresh
 * clone's root (its `tests/` is the repository's), with `llm-plan` on PATH as `npm link` puts it
 * there and `npx llm-plan` the same bin. Commands run in README order, so a file one writes
 * (`my-law.json`) is there for the next. The console transcripts must equal the real output.
 */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Commands not run, each with the reason. The test fails when one is no longer in the README. */
const NOT_RUN: Readonly<Record<string, string>> = {
  'npm install && npx llm-plan --budget 5000gpuh --gpu v100': 'installs dependencies (network); the second half is the first console transcript, which is run',
  'npm test': 'runs this test suite (recursion)',
  'llm-plan completion bash > /etc/bash_completion.d/llm-plan': 'writes a system directory; `completion bash` itself is covered by tests/cli/completion.test.ts',
  'git show HEAD:plans.yaml | llm-plan check - --json': 'reads plans.yaml from a git commit of the reader’s own repository',
  'llm-plan fit tests/fixtures/chinchilla-figure4-points.csv --bootstrap 1000 --seed 7':
    '1000 refits take 10–20 s; the same path runs with --bootstrap 200 in the fit transcript',
};

/** Exit codes other than 0 that a README command is meant to give. */
const EXIT: Readonly<Record<string, number>> = {
  // The fixture's first config is 70B on 100B tokens, far off the optimum: check's exit 1.
  'llm-plan check tests/fixtures/check/plans.yaml': 1,
  'llm-plan check tests/fixtures/check/plans.yaml --format ndjson': 1,
  // Its first config, Llama 2 70B on 8 GPUs, does not fit (issue 12).
  'llm-plan check tests/fixtures/check/cluster.yaml': 1,
  'llm-plan check tests/fixtures/check/plans.yaml tests/fixtures/check/pass.json --format markdown': 1,
  // tests/fixtures/check/ci/ holds an invalid file on purpose (issue 15's CI test): exit 2, with the report.
  'llm-plan check tests/fixtures/check/ci/ --format junit': 2,
};

function sandbox(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = mkdtempSync(join(tmpdir(), 'llm-plan-readme-'));
  symlinkSync(join(ROOT, 'tests'), join(cwd, 'tests'));
  const bin = join(cwd, '.bin');
  mkdirSync(bin);
  // `llm-plan` as `npm link` installs it; `npx llm-plan` in a clone runs the same file.
  for (const name of ['llm-plan']) {
    writeFileSync(join(bin, name), `#!/bin/sh\nexec node ${JSON.stringify(BIN)} "$@"\n`);
    chmodSync(join(bin, name), 0o755);
  }
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\n[ "$1" = llm-plan ] && shift && exec node ${JSON.stringify(BIN)} "$@"\nexit 127\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: cwd, NO_COLOR: '1', LANG: 'C.UTF-8' };
  return { cwd, env };
}

function run(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    exec(command, { cwd, env, shell: '/bin/bash', timeout: 60_000, maxBuffer: 32 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('README.md', () => {
  const commands = readmeCommands(README);
  const transcripts = readmeTranscripts(README);

  it('has commands and transcripts to check, and every exclusion is still in it', () => {
    expect(commands.length).toBeGreaterThan(20);
    expect(transcripts.length).toBeGreaterThanOrEqual(2);
    const all = new Set([...commands, ...transcripts].map((entry) => entry.command));
    for (const excluded of Object.keys(NOT_RUN)) expect(all.has(excluded), excluded).toBe(true);
  });

  it('every fenced command runs with its exit code (0 unless listed)', async () => {
    const { cwd, env } = sandbox();
    const failures: string[] = [];
    for (const { command, line } of commands) {
      if (command in NOT_RUN) continue;
      const result = await run(command, cwd, env);
      const expected = EXIT[command] ?? 0;
      if (result.code !== expected) failures.push(`README.md:${line}: ${command} → exit ${result.code} (expected ${expected})\n${result.stderr.slice(0, 400)}`);
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('console transcripts equal the real output (… stands for omitted lines)', async () => {
    const { cwd, env } = sandbox();
    const wrong: string[] = [];
    for (const { command, line, output } of transcripts) {
      const result = await run(command.replace(/^npx llm-plan/, 'llm-plan'), cwd, env);
      const actual = result.stdout.replace(/\n$/, '').split('\n');
      if (result.code !== (EXIT[command] ?? 0)) wrong.push(`README.md:${line}: ${command} → exit ${result.code}\n${result.stderr}`);
      else if (!matchesTranscript(output, actual)) wrong.push(`README.md:${line}: $ ${command}\n${actual.join('\n')}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
