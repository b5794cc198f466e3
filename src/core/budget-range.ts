import { parseBudget, type Budget } from './budget.js';
import { badInput } from '../domain/errors.js';

/** Two budgets of the same kind, `low < high`: what `LO..HI` means for sweeps and plots. */
export interface BudgetRange {
  readonly low: Budget;
  readonly high: Budget;
}

/** The amount of a budget in its own base unit (FLOPs, GPU-hours or USD). */
export function budgetAmount(budget: Budget): number {
  switch (budget.kind) {
    case 'flops':
      return budget.flops;
    case 'gpu-hours':
      return budget.gpuHours;
    case 'usd':
      return budget.usd;
  }
}

/** A budget of the same kind as `like`, with another amount (for stepping through a range). */
export function withAmount(like: Budget, amount: number, text: string): Budget {
  switch (like.kind) {
    case 'flops':
      return { kind: 'flops', flops: amount, text };
    case 'gpu-hours':
      return { kind: 'gpu-hours', gpuHours: amount, text };
    case 'usd':
      return { kind: 'usd', usd: amount, text };
  }
}

/**
 * Parses `LO..HI`, e.g. `1e3gpuh..1e6gpuh` or `1e21flops..1e25flops`. A unit on HI alone applies to
 * both ends (`1e3..1e6gpuh`). Both ends must be the same kind of budget and LO < HI.
 */
export function parseBudgetRange(text: string): BudgetRange {
  const parts = text.split('..');
  if (parts.length !== 2) {
    throw badInput(`cannot read the range '${text}'`, 'write LO..HI, for example 1e3gpuh..1e6gpuh');
  }
  const [lowText = '', highText = ''] = parts.map((part) => part.trim());
  const high = parseBudget(highText);
  const lowHasUnit = /[a-z$]/i.test(lowText.replace(/^\s*[\d.]+(e[+-]?\d+)?\s*[kmbgt]?\s*$/i, ''));
  const low = parseBudget(lowHasUnit || lowText.startsWith('$') ? lowText : withUnitOf(lowText, highText));
  if (low.kind !== high.kind) {
    throw badInput(`the ends of '${text}' are different kinds of budget`, 'use one unit for both ends: 1e3gpuh..1e6gpuh');
  }
  if (!(budgetAmount(low) < budgetAmount(high))) {
    throw badInput(`the range '${text}' must go from low to high`, 'for example 1e3gpuh..1e6gpuh');
  }
  return { low, high };
}

/**
 * LO written with HI's unit, for `1e3..1e6gpuh`, `1k..1Mgpuh` or `1k..$1M`. HI's SI suffix belongs to
 * HI's number, not to the unit, so it is left off when what remains is still a unit: the candidates
 * are tried in that order, and the first that reads as a budget wins.
 */
function withUnitOf(lowText: string, highText: string): string {
  if (highText.trim().startsWith('$')) return `$${lowText}`;
  // Greedy on the exponent: in '1e22flops' the number is '1e22', never '1e2' followed by '2flops'.
  const number = /^\s*(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i.exec(highText);
  const unit = highText.slice(number?.[0].length ?? 0);
  const candidates = [unit.replace(/^\s*[kmbgt]/i, ''), unit].map((candidate) => `${lowText}${candidate}`);
  for (const candidate of candidates) {
    try {
      parseBudget(candidate);
      return candidate;
    } catch {
      // Not a budget with this reading of the unit; try the next.
    }
  }
  return candidates[candidates.length - 1] ?? lowText;
}

/**
 * `steps` values spaced evenly in log between `low` and `high`, both included.
 *
 * @example logSpace(1e3, 1e6, 4) → [1e3, 1e4, 1e5, 1e6]
 */
export function logSpace(low: number, high: number, steps: number): number[] {
  const at = logSpacing(low, high, steps);
  return Array.from({ length: steps }, (_, index) => at(index));
}

/**
 * The `index`-th value of `logSpace(low, high, steps)` without building the array, so a
 * million-step sweep need not hold a million values (the two agree exactly).
 *
 * @example logSpacing(1e3, 1e6, 4)(2) → 1e5
 */
export function logSpacing(low: number, high: number, steps: number): (index: number) => number {
  if (!Number.isInteger(steps) || steps < 2) throw badInput(`--steps must be a whole number ≥ 2, got ${steps}`);
  // Base-10 logs, so decades land on exact powers of ten (1e3..1e6 in 7 steps gives 10000, not 9999.99…).
  const logLow = Math.log10(low);
  const stepSize = (Math.log10(high) - logLow) / (steps - 1);
  return (index) => (index === steps - 1 ? high : index === 0 ? low : 10 ** (logLow + index * stepSize));
}
