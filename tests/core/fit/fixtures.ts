import { readFileSync } from 'node:fs';
import { parseRuns } from '../../../src/core/fit/parse-runs.js';
import { createRandom } from '../../../src/core/fit/prng.js';
import type { Run } from '../../../src/core/fit/runs.js';
import type { ChinchillaParams } from '../../../src/domain/presets.js';

export const CHINCHILLA_CSV = new URL('../../fixtures/chinchilla-figure4-points.csv', import.meta.url);

/** Epoch AI's 245 points read off Chinchilla's Figure 4 (tests/fixtures/README.md). */
export function readChinchillaRuns(): Run[] {
  return parseRuns(readFileSync(CHINCHILLA_CSV, 'utf8'), 'chinchilla-figure4-points.csv');
}

/** Hoffmann et al. 2022 App. D.2, unrounded (as quoted by Besiroglu et al. 2024). */
export const HOFFMANN_LAW: ChinchillaParams = { E: 1.6934, A: 406.401, B: 410.7228, alpha: 0.33917084, beta: 0.2849083 };

/**
 * Runs on a grid of 8 model sizes (1e7…1e10) × 8 token counts (1e9…1e12), with losses from `law`
 * times exp(σ·z), z standard normal from a seeded Box–Muller: multiplicative noise, i.e. additive
 * noise of scale σ on log loss, which is what the fit models.
 */
export function syntheticRuns(law: ChinchillaParams, sigma: number, seed: number): Run[] {
  const random = createRandom(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const runs: Run[] = [];
  for (let i = 0; i < 8; i++) {
    for (let j = 0; j < 8; j++) {
      const params = 10 ** (7 + (3 * i) / 7);
      const tokens = 10 ** (9 + (3 * j) / 7);
      const loss = law.E + law.A / params ** law.alpha + law.B / tokens ** law.beta;
      runs.push({ params, tokens, loss: loss * Math.exp(sigma * normal()) });
    }
  }
  return runs;
}
