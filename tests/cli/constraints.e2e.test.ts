import { describe, expect, it } from 'vitest';
import { relativeError, spawnCli } from '../helpers/cli.js';

describe('constraint flags through the built bin', () => {
  it('llm-plan --budget 50000gpuh --gpu a100 --gpus 256 --json', () => {
    const result = spawnCli(['--budget', '50000gpuh', '--gpu', 'a100', '--gpus', '256', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const [row] = JSON.parse(result.stdout).plans;
    expect(relativeError(row.time.wallClockDays, 50_000 / 256 / 24)).toBeLessThan(1e-12);
    expect(row.memory.fits).toBe(false);
  });

  it('llm-plan --budget 1e23flops --unique-tokens 30B prints the limited-data section and the warning', () => {
    const result = spawnCli(['--budget', '1e23flops', '--unique-tokens', '30B']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Limited data · 30.0B unique tokens');
    expect(result.stdout).toContain('More compute no longer helps');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('llm-plan --budget 1e23flops --gpus 8 exits 2: time and memory need a GPU', () => {
    const result = spawnCli(['--budget', '1e23flops', '--gpus', '8']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^llm-plan: error: .*need --gpu\nhint: .*\n$/);
  });
});
