import { describe, expect, it } from 'vitest';
import { relativeError, spawnCli } from '../helpers/cli.js';

// Expected values computed independently of the code (issue 2, by hand):
//   C = 5000 h × 3600 s × 125e12 FLOP/s × 0.40 = 9.0e20
//   deepmind: N = 70e9 · (9e20 / 5.88e23)^0.5 = 2.739e9, D = C/(6N) = 5.477e10, hoffmann2022 L = 2.3456
//   openai:   N = 1.3e9 · (9e20 / 8.64e19)^log10(5.5) = 7.369e9, D = 2.035e10, kaplan2020 L = 2.1502
describe('llm-plan --budget 5000gpuh --gpu v100 (built bin)', () => {
  it('plans the issue-2 reference case under deepmind', () => {
    const result = spawnCli(['--budget', '5000gpuh', '--gpu', 'v100', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.schema).toBe('llm-plan/plan@1');
    expect(relativeError(plan.compute.flops, 9.0e20)).toBeLessThan(1e-12);
    expect(plan.plans).toHaveLength(1);
    const [deepmind] = plan.plans;
    expect(deepmind.rule).toBe('deepmind');
    expect(relativeError(deepmind.params, 2.739e9)).toBeLessThan(1e-3);
    expect(relativeError(deepmind.tokens, 5.477e10)).toBeLessThan(1e-3);
    expect(deepmind.loss.model).toBe('hoffmann2022');
    expect(relativeError(deepmind.loss.value, 2.3456)).toBeLessThan(1e-3);
  });

  it('plans the issue-2 reference case under openai', () => {
    const result = spawnCli(['--budget', '5000gpuh', '--gpu', 'v100', '--rule', 'openai', '--json']);
    expect(result.code).toBe(0);
    const [openai] = JSON.parse(result.stdout).plans;
    expect(relativeError(openai.params, 7.369e9)).toBeLessThan(1e-3);
    expect(relativeError(openai.tokens, 2.035e10)).toBeLessThan(1e-3);
    expect(openai.loss.model).toBe('kaplan2020');
    expect(relativeError(openai.loss.value, 2.1502)).toBeLessThan(1e-3);
  });

  it('prints a table with the hardware line, compute and the plan row', () => {
    const result = spawnCli(['--budget', '5000gpuh', '--gpu', 'v100']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('NVIDIA V100 SXM2 32GB');
    expect(result.stdout).toContain('9.00e20 FLOPs');
    expect(result.stdout).toMatch(/deepmind\s+2\.74B\s+54\.8B\s+20\.0\s+2\.346 hoffmann2022/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('exits 2 with one error line and a hint for a bare number', () => {
    const result = spawnCli(['--budget', '5000']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^llm-plan: error: .*\nhint: .*\n$/);
  });
});
