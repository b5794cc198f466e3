import { badInput } from './errors.js';

/** SI multipliers accepted after a number (case-insensitive; B = G = billion, as in "7B parameters"). */
export const SI_MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  b: 1e9,
  g: 1e9,
  t: 1e12,
};

// A decimal number with optional exponent, then an optional SI suffix. No sign: callers decide
// whether zero or negatives make sense and say so with their own message.
const NUMBER_WITH_SUFFIX = /^(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*([kmbgt])?$/i;

/** The multiplier of one SI suffix letter (`k`, `M`, `B`/`G`, `T`, any case), or undefined. */
export function siMultiplier(letter: string): number | undefined {
  const key = letter.toLowerCase();
  return Object.hasOwn(SI_MULTIPLIERS, key) ? SI_MULTIPLIERS[key] : undefined;
}

/**
 * Parses a positive-looking quantity such as `7e9`, `2T`, `300B`, `1.5k`.
 * Returns `undefined` when the text is not of that shape, so callers can give a message that fits.
 *
 * @example parseSiNumber('2T') → 2e12
 */
export function parseSiNumber(text: string): number | undefined {
  const match = NUMBER_WITH_SUFFIX.exec(text.trim());
  if (!match) return undefined;
  const [, mantissa, exponent, suffix] = match;
  const base = Number(exponent === undefined ? mantissa : `${mantissa}e${exponent}`);
  const multiplier = suffix === undefined ? 1 : (siMultiplier(suffix) ?? Number.NaN);
  const value = base * multiplier;
  return Number.isNaN(value) ? undefined : value;
}

/**
 * Parses a strictly positive, finite quantity for a named flag, or throws a usage error.
 *
 * @example parsePositiveQuantity('7e9', '--params') → 7e9
 */
export function parsePositiveQuantity(text: string, flag: string, examples = '7e9, 7B or 7000M'): number {
  const value = parseSiNumber(text);
  const hint = `write it like ${examples}`;
  // A minus sign is a number, just not a positive one: say that, not "not a number".
  if (value === undefined && /^\s*[-−]\s*[\d.]/.test(text) && parseSiNumber(text.trim().replace(/^[-−]\s*/, '')) !== undefined) {
    throw badInput(`${flag} must be positive, got '${text}'`, hint);
  }
  if (value === undefined) throw badInput(`${flag} '${text}' is not a number`, hint);
  if (!Number.isFinite(value)) throw badInput(`${flag} '${text}' is too large`, hint);
  if (value <= 0) throw badInput(`${flag} must be positive, got '${text}'`, hint);
  return value;
}
