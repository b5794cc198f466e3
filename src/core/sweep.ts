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
    const digits = amountAt(index).toPrecision(15);
    return withAmount(range.low, Number(digits), `${shortestOf(digits)}${unit}`);
  };
}

/**
 * `String(Number(text))` without the second conversion, `e+` written `e`, for the text of a
 * positive finite number's `toPrecision(15)`. Any decimal of at most 15 significant digits reads
 * back from its double unchanged, so the shortest text of that double has the same digits, less
 * trailing zeros; what remains is JavaScript's layout (Number::toString): plain from 1e-6 up to
 * 1e21, exponential outside. A sweep writes one per row.
 *
 * @example shortestOf('1.00000000000000e+18') → '1000000000000000000'; shortestOf('3162.27766016838') → '3162.27766016838'
 */
export function shortestOf(text: string): string {
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const dot = mantissa.indexOf('.');
  const all = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  // n: where the decimal point goes, counted from the first significant digit (value = 0.d₁d₂… × 10ⁿ).
  let n = (e < 0 ? (dot < 0 ? mantissa.length : dot) : Number(text.slice(e + 1)) + 1);
  let first = 0;
  while (first < all.length - 1 && all[first] === '0') first++;
  n -= first;
  let last = all.length;
  while (last > first + 1 && all[last - 1] === '0') last--;
  const digits = all.slice(first, last);
  const k = digits.length;
  if (k <= n && n <= 21) return digits + '0'.repeat(n - k);
  if (0 < n && n <= 21) return `${digits.slice(0, n)}.${digits.slice(n)}`;
  if (-6 < n && n <= 0) return `0.${'0'.repeat(-n)}${digits}`;
  const exponent = n - 1;
  return `${digits[0] ?? ''}${k > 1 ? `.${digits.slice(1)}` : ''}e${exponent < 0 ? '-' : ''}${Math.abs(exponent)}`;
}
