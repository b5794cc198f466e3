import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';
import { createTempFiles } from '../helpers/run-with-stdin.js';

/**
 * The composite action `.github/actions/check` (issue 15): its steps' shell scripts run here as the
 * runner would run them (GITHUB_* files in a temporary directory), with no network.
 */
const ACTION = join(ROOT, '.github/actions/check');
const temp = createTempFiles({});
afterAll(() => temp.remove());

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
  readonly id?: string;
}
const action = parse(readFileSync(join(ACTION, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean; default?: string }>;
  runs: { using: string; steps: Step[] };
};

/** Runs a step's script the way the runner does: bash, with the step's env filled in from the inputs. */
function runStep(script: string, env: Record<string, string>): { code: number; stdout: string; stderr: string } {
  const result = spawnSync('bash', [join(ACTION, script)], { encoding: 'utf8', cwd: ROOT, env: { PATH: process.env.PATH ?? '', GITHUB_ACTION_PATH: ACTION, ...env }, timeout: 60_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('the check action', () => {
  it('is a composite action: set up Node, install llm-plan, run check with files, format and fail-on', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['files', 'format', 'fail-on', 'node-version']);
    expect(action.inputs.files?.required).toBe(true);
    expect([action.inputs.format?.default, action.inputs['fail-on']?.default]).toEqual(['table', 'violation']);
    const [setup, install, check] = action.runs.steps;
    expect(setup?.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(install?.run).toBe('bash "$GITHUB_ACTION_PATH/install.sh"');
    expect(check?.run).toBe('bash "$GITHUB_ACTION_PATH/check.sh"');
    expect(check?.env).toEqual({ LLM_PLAN_FILES: '${{ inputs.files }}', LLM_PLAN_FORMAT: '${{ inputs.format }}', LLM_PLAN_FAIL_ON: '${{ inputs.fail-on }}' });
  });

  it('install.sh installs from the lock file, builds, and puts llm-plan on the job PATH', () => {
    // A repository shaped like llm-plan with no dependencies, so npm ci needs no network.
    const repo = join(temp.dir, 'repo');
    mkdirSync(join(repo, 'bin'), { recursive: true });
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'fake-llm-plan', version: '1.0.0', scripts: { build: 'node -e "require(\'fs\').writeFileSync(\'built\', \'yes\')"' } }));
    writeFileSync(join(repo, 'package-lock.json'), JSON.stringify({ name: 'fake-llm-plan', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'fake-llm-plan', version: '1.0.0' } } }));
    writeFileSync(join(repo, 'bin', 'llm-plan.js'), '#!/usr/bin/env node\n');
    const githubPath = join(temp.dir, 'github-path');
    writeFileSync(githubPath, '');
    const result = runStep('install.sh', { LLM_PLAN_SOURCE: repo, GITHUB_PATH: githubPath, RUNNER_TEMP: temp.dir, npm_config_offline: 'true' });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(repo, 'built'), 'utf8')).toBe('yes');
    expect(readFileSync(githubPath, 'utf8')).toBe(`${join(temp.dir, 'llm-plan-bin')}\n`);
    expect(realpathSync(join(temp.dir, 'llm-plan-bin', 'llm-plan'))).toBe(realpathSync(join(repo, 'bin', 'llm-plan.js')));
  });

  describe('check.sh with the built llm-plan on PATH', () => {
    const binDir = join(temp.dir, 'bin');
    mkdirSync(binDir, { recursive: true });
    // What install.sh links: the repository's own bin (built by npm test before the tests run).
    spawnSync('ln', ['-sf', BIN, join(binDir, 'llm-plan')]);
    const run = (inputs: { files: string; format?: string; failOn?: string }) => {
      const summary = join(temp.dir, `summary-${Math.random().toString(36).slice(2)}.md`);
      const output = join(temp.dir, `output-${Math.random().toString(36).slice(2)}`);
      writeFileSync(summary, '');
      writeFileSync(output, '');
      const result = spawnSync('bash', [join(ACTION, 'check.sh')], {
        encoding: 'utf8',
        cwd: ROOT,
        env: {
          PATH: `${binDir}:${process.env.PATH ?? ''}`,
          GITHUB_ACTIONS: 'true',
          GITHUB_STEP_SUMMARY: summary,
          GITHUB_OUTPUT: output,
          LLM_PLAN_FILES: inputs.files,
          LLM_PLAN_FORMAT: inputs.format ?? 'table',
          LLM_PLAN_FAIL_ON: inputs.failOn ?? 'violation',
        },
        timeout: 30_000,
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summary, 'utf8'), output: readFileSync(output, 'utf8') };
    };

    it('fails on a violation, annotates the config lines, writes the job summary and the exit-code output', () => {
      const result = run({ files: 'tests/fixtures/check/ci/plans.yaml tests/fixtures/check/pass.json' });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('::error file=tests/fixtures/check/ci/plans.yaml,line=7,endLine=9,col=5,title=wide-7b%3A off-optimum::');
      expect(result.summary).toContain('### llm-plan check: failed');
      expect(result.output).toBe('exit-code=1\n');
    });

    it('fail-on invalid lets a violation pass the step and fails an invalid file; never passes both', () => {
      expect(run({ files: 'tests/fixtures/check/ci/plans.yaml', failOn: 'invalid' }).code).toBe(0);
      const invalid = run({ files: 'tests/fixtures/check/ci/plans.yaml tests/fixtures/check/ci/invalid.yaml', failOn: 'invalid' });
      expect([invalid.code, invalid.output]).toEqual([2, 'exit-code=2\n']);
      expect(run({ files: 'tests/fixtures/check/ci/', failOn: 'never' }).code).toBe(0);
    });

    it('takes globs and a format, and refuses an unknown fail-on', () => {
      const junit = run({ files: 'tests/fixtures/check/*.json', format: 'junit' });
      expect(junit.code).toBe(0);
      expect(junit.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="llm-plan check" tests="2" failures="0" errors="0"/);
      const bad = run({ files: 'tests/fixtures/check/pass.json', failOn: 'sometimes' });
      expect(bad.code).toBe(2);
      expect(bad.stdout).toBe("::error title=llm-plan check::fail-on must be violation, invalid or never, not 'sometimes'\n");
    });
  });
});
