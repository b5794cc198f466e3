import { describe, expect, it } from 'vitest';
import { COMMAND_SUMMARIES } from '../../src/cli/commands/summaries.js';
import { spawnCli } from '../helpers/cli.js';

/**
 * The built bin runs every command, as a user's Node runs it. `.ci/run` runs the *.e2e.test.ts
 * files again under Node 22 and 24 (issue 15: engines says >= 20), so this file is where "every
 * command works on every Node we support" is checked.
 */
const RUNS: Record<string, { argv: string[]; code?: number; json?: string }> = {
  plan: { argv: ['--budget', '5000gpuh', '--gpu', 'v100', '--json'], json: 'llm-plan/plan@1' },
  gpus: { argv: ['gpus', '--json'], json: 'llm-plan/presets@1' },
  rules: { argv: ['rules', '--json'], json: 'llm-plan/presets@1' },
  models: { argv: ['models', '--json'] },
  sweep: { argv: ['sweep', '--budget', '1e21flops..1e23flops', '--steps', '3', '--json'], json: 'llm-plan/sweep@1' },
  // The fixture's first config is off-optimum: exit 1 is the gate working.
  check: { argv: ['check', 'tests/fixtures/check/plans.yaml', 'tests/fixtures/check/pass.json', '--json'], code: 1, json: 'llm-plan/check@1' },
  plot: { argv: ['plot', '--budget', '1e21flops', '--json'], json: 'llm-plan/plot@1' },
  schema: { argv: ['schema', 'check'] },
  completion: { argv: ['completion', 'bash'] },
  fit: { argv: ['fit', 'tests/fixtures/chinchilla-figure4-points.csv', '--json'] },
};

describe('every command through the built bin', () => {
  it('covers every command of the command table', () => {
    expect(Object.keys(RUNS).filter((name) => name !== 'plan').sort()).toEqual(Object.keys(COMMAND_SUMMARIES).sort());
  });

  it.each(Object.entries(RUNS))('%s', (_name, { argv, code = 0, json }) => {
    const result = spawnCli(argv, { env: { NO_COLOR: '1' } });
    expect(result.code, result.stderr).toBe(code);
    expect(result.stdout.length).toBeGreaterThan(0);
    if (json !== undefined) expect(JSON.parse(result.stdout).schema).toBe(json);
  });

  it('--version and --help', () => {
    expect(spawnCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(spawnCli(['--help']).code).toBe(0);
  });
});
