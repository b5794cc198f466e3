import { formatCount, formatScientific } from './format.js';

/**
 * Tick positions for a log axis over [low, high]: the powers of ten inside it, thinned to every
 * second (third, …) decade when more than `maxTicks` would not fit; with less than one decade in
 * view, the 1-2-5 steps between. Used by the terminal plots, which have room for little else
 * (the SVG takes d3-scale's ticks).
 *
 * @example logTicks(3e7, 2e11, 5) → [1e8, 1e9, 1e10, 1e11]
 */
export function logTicks(low: number, high: number, maxTicks: number): number[] {
  const first = Math.ceil(Math.log10(low) - 1e-9);
  const last = Math.floor(Math.log10(high) + 1e-9);
  const decades = last - first + 1;
  if (decades < 2) {
    const steps: number[] = [];
    for (let exponent = first - 1; exponent <= last; exponent++) {
      for (const mantissa of [1, 2, 5]) {
        const value = mantissa * 10 ** exponent;
        if (value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9)) steps.push(value);
      }
    }
    return steps;
  }
  const stride = Math.max(1, Math.ceil(decades / Math.max(1, maxTicks)));
  const ticks: number[] = [];
  for (let exponent = first; exponent <= last; exponent += stride) ticks.push(10 ** exponent);
  return ticks;
}

/**
 * Round tick positions for a linear axis: multiples of 1, 2 or 5 × 10^k, at most about `count`.
 *
 * @example linearTicks(2.3, 2.75, 5) → [2.3, 2.4, 2.5, 2.6, 2.7]
 */
export function linearTicks(low: number, high: number, count: number): number[] {
  // A flat line (every value equal) has one tick; a zero step would never end the loop below.
  if (!(high > low)) return [low];
  const step = linearTickStep(low, high, count);
  const ticks: number[] = [];
  for (let index = Math.ceil(low / step - 1e-9); index * step <= high + step * 1e-9; index++) {
    // Multiply an integer by the step rather than accumulate, so 0.1 + 0.2 errors cannot build up.
    ticks.push(Number((index * step).toPrecision(12)));
  }
  return ticks;
}

/** The 1-2-5 step `linearTicks` uses: the smallest that gives at most `count` intervals. */
export function linearTickStep(low: number, high: number, count: number): number {
  const raw = (high - low) / Math.max(1, count);
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((mantissa) => mantissa * power).find((candidate) => candidate >= raw * (1 - 1e-9));
  return step ?? 10 * power;
}

/**
 * A count as a short tick label: SI suffix, no trailing zeros.
 *
 * @example formatCountTick(1e9) → '1B'; formatCountTick(2.5e8) → '250M'; formatCountTick(1e16) → '1e16'
 */
export function formatCountTick(value: number): string {
  return stripZeros(formatCount(value));
}

/**
 * FLOPs as a short tick label in scientific notation.
 *
 * @example formatFlopsTick(1e21) → '1e21'; formatFlopsTick(3e22) → '3e22'
 */
export function formatFlopsTick(value: number): string {
  return stripZeros(formatScientific(value));
}

/**
 * A linear tick label with the decimals a 1-2-5 step needs.
 *
 * @example formatLinearTick(2.5, 0.1) → '2.5'; formatLinearTick(2, 0.5) → '2.0'; formatLinearTick(10, 5) → '10'
 */
export function formatLinearTick(value: number, step: number): string {
  return value.toFixed(Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
}

/** '1.00B' → '1B', '2.50e21' → '2.5e21', '250M' stays. */
function stripZeros(text: string): string {
  return text.replace(/\.(\d*?)0+(?=\D|$)/, (_, kept: string) => (kept === '' ? '' : `.${kept}`));
}
