import { PARAM_COUNT } from './objective.js';

/**
 * The grid of initial points of Hoffmann et al. 2022 App. D.2, as Besiroglu et al. 2024 use it:
 * e ∈ {−1, −.5, 0, .5, 1}, a, b ∈ {0, 5, …, 25}, α, β ∈ {0, .5, 1, 1.5, 2}: 5·6·6·5·5 = 4500 starts.
 */
export const GRID_E = [-1, -0.5, 0, 0.5, 1] as const;
export const GRID_AB = [0, 5, 10, 15, 20, 25] as const;
export const GRID_EXPONENT = [0, 0.5, 1, 1.5, 2] as const;

/** Every start of the grid as a vector [e, a, b, α, β], in a fixed order. */
export function createStartGrid(): Float64Array[] {
  const starts: Float64Array[] = [];
  for (const e of GRID_E) {
    for (const a of GRID_AB) {
      for (const b of GRID_AB) {
        for (const alpha of GRID_EXPONENT) {
          for (const beta of GRID_EXPONENT) {
            const start = new Float64Array(PARAM_COUNT);
            start.set([e, a, b, alpha, beta]);
            starts.push(start);
          }
        }
      }
    }
  }
  return starts;
}
