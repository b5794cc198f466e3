import { budgetAmount, logSpacing, withAmount, type BudgetRange } from './budget-range.js';
import type { Budget } from './budget.js';
import { badInput } from '../domain/errors.js';

export const SWEEP_SCHEMA_ID = 'llm-plan/sweep@1';

/** DESIGN §7: a sweep of a million budgets fits in one process; more is almost surely a typo. */
export const MAX_SWEEP_STEPS = 1_000_000;

/** The unit each budget kind is written back in, so a row's budget text parses to the same amount. */
const UNIT_OF_KIND: Readonly<Record<Budget['kind'], string>> = { flops: 'flops', 'gpu-hours': 'gpuh', usd: 'usd' };

/**
 * Parses `--steps`: a whole number from 2 to MAX_SWEEP_STEPS.
 *
 * @example parseSteps('7') → 7
 */
export function parseSteps(text: string): number {
  const steps = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(steps >= 2 && steps <= MAX_SWEEP_STEPS)) {
    throw badInput(`--steps must be a whole number from 2 to ${MAX_SWEEP_STEPS}, got '${text}'`, 'for example --steps 7');
  }
  return steps;
}

/**
 * `steps` budgets log-spaced over the range, ends included, each with a text that `parseBudget`
 * reads back to exactly the same amount (the shortest round-trip decimal and a base unit), so any
 * row can be re-run alone with `--budget <row.input.budget>`.
 *
 * @example sweepBudgets(parseBudgetRange('1e3gpuh..1e5gpuh'), 3) → budgets with texts 1000gpuh, 10000gpuh, 100000gpuh
 */
export function sweepBudgets(range: BudgetRange, steps: number): Budget[] {
  const at = sweepBudgetAt(range, steps);
  return Array.from({ length: steps }, (_, index) => at(index));
}

/**
 * The `index`-th budget of `sweepBudgets(range, steps)`, made on demand: a million-row sweep
 * streams its rows without holding a million budgets.
 */
export function sweepBudgetAt(range: BudgetRange, steps: number): (index: number) => Budget {
  const unit = UNIT_OF_KIND[range.low.kind];
  const amountAt = logSpacing(budgetAmount(range.low), budgetAmount(range.high), steps);
  return (index) => {
    // 15 significant digits drop the last-bit noise of the log spacing (3162.2776601683795 stays,
    // 1000.0000000000002 becomes 1000) and keep steps distinct down to a relative spacing of 1e-14.
    const amount = Number(amountAt(index).toPrecision(15));
    return withAmount(range.low, amount, `${String(amount).replace('e+', 'e')}${unit}`);
  };
}
