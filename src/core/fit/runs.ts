import { badInput } from '../../domain/errors.js';

/** One training run: N parameters trained on D tokens reached final loss L (nats/token). */
export interface Run {
  readonly params: number;
  readonly tokens: number;
  readonly loss: number;
}

/**
 * The runs with the `count` highest losses removed, as Besiroglu et al. 2024 do (they drop the 5
 * highest-loss of Chinchilla's 245 runs: those are small models whose loss curves had not settled).
 * Ties keep the earlier run. Order of the remaining runs is preserved.
 *
 * @example dropTopLoss([{loss: 3}, {loss: 5}, {loss: 4}], 1) → [{loss: 3}, {loss: 4}]
 */
export function dropTopLoss<T extends Run>(runs: readonly T[], count: number): T[] {
  if (!Number.isInteger(count) || count < 0) {
    throw badInput(`--drop-top-loss must be a whole number ≥ 0, got ${count}`);
  }
  if (count === 0) return [...runs];
  const ranked = runs.map((run, index) => ({ run, index })).sort((p, q) => q.run.loss - p.run.loss || p.index - q.index);
  const dropped = new Set(ranked.slice(0, count).map(({ index }) => index));
  return runs.filter((_, index) => !dropped.has(index));
}
