import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { relativeError, spawnCli } from '../helpers/cli.js';

const CHINCHILLA = fileURLToPath(new URL('../fixtures/chinchilla-figure4-points.csv', import.meta.url));

/** Hoffmann et al. 2022 Eq. 4, written out here independently of src/core: N = G·(C/6)^(β/(α+β)). */
function optimalParams(law: { A: number; B: number; alpha: number; beta: number }, flops: number): number {
  const G = ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / (law.alpha + law.beta));
  return G * (flops / 6) ** (law.beta / (law.alpha + law.beta));
}

describe('fit --json, then plan with --loss ./law.json (built bin)', () => {
  const fitted = spawnCli(['fit', CHINCHILLA, '--drop-top-loss', '5', '--bootstrap', '20', '--json']);
  const path = join(mkdtempSync(join(tmpdir(), 'llm-plan-roundtrip-')), 'my-law.json');
  writeFileSync(path, fitted.stdout);
  const law = JSON.parse(fitted.stdout);

  it('plans 1e24 FLOPs under --rule optimal with the fitted law', () => {
    expect(fitted.code).toBe(0);
    const result = spawnCli(['--budget', '1e24flops', '--rule', 'optimal', '--loss', path, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [row] = JSON.parse(result.stdout).plans;
    expect(row.loss.model).toBe(law.id);
    expect(relativeError(row.params, optimalParams(law, 1e24))).toBeLessThan(1e-9);
    // Epoch AI's replication: 95.9e9 at 1e24 FLOPs.
    expect(relativeError(row.params, 95.9e9)).toBeLessThan(0.03);
    // L = E + A/N^α + B/D^β at the plan's N and D.
    const loss = law.E + law.A / row.params ** law.alpha + law.B / row.tokens ** law.beta;
    expect(relativeError(row.loss.value, loss)).toBeLessThan(1e-12);
  });

  it('plans a GPU-hour budget on an H100 with the fitted law', () => {
    const result = spawnCli(['--budget', '20000gpuh', '--gpu', 'h100', '--rule', 'optimal', '--loss', path, '--json']);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    const [row] = plan.plans;
    expect(relativeError(row.params, optimalParams(law, plan.compute.flops))).toBeLessThan(1e-9);
    expect(relativeError(6 * row.params * row.tokens, plan.compute.flops)).toBeLessThan(1e-12);
  });

  it('--range spreads the plan over the fit\'s bootstrap draws, matching the fit\'s own interval at that budget', () => {
    const result = spawnCli(['--budget', '1e24flops', '--rule', 'optimal', '--loss', path, '--range', '--json']);
    expect(result.code).toBe(0);
    const { range } = JSON.parse(result.stdout).plans[0];
    expect(range).toMatchObject({ basis: 'bootstrap', bootstrap: { draws: 20, confidence: 0.95 } });
    // Two computations of the same percentile interval: the planner's (--range) and the fit's (--budgets).
    const [fitted] = law.fit.optimal;
    expect(fitted.budget).toBe('1e24flops');
    expect(relativeError(range.params[0], fitted.paramsInterval[0])).toBeLessThan(1e-9);
    expect(relativeError(range.params[1], fitted.paramsInterval[1])).toBeLessThan(1e-9);
  });
});
