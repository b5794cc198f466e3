import { badInput } from '../domain/errors.js';
import { siMultiplier } from '../domain/si.js';
import { FLOPS_PER_PF_DAY, HOURS_PER_DAY } from '../domain/units.js';

/**
 * A budget as the user stated it, reduced to one of three base units. GPU time and money need an
 * accelerator (and money a price) before they become FLOPs; see `toCompute`.
 */
export type Budget =
  | { readonly kind: 'flops'; readonly flops: number; readonly text: string }
  | { readonly kind: 'gpu-hours'; readonly gpuHours: number; readonly text: string }
  | { readonly kind: 'usd'; readonly usd: number; readonly text: string };

type UnitKind = 'flops' | 'pf-days' | 'gpu-hours' | 'gpu-days' | 'usd';

/** Unit spellings after normalisation (lower case, no spaces, hyphens or underscores). */
const UNITS: Readonly<Record<string, UnitKind>> = {
  flop: 'flops',
  flops: 'flops',
  pfd: 'pf-days',
  pfday: 'pf-days',
  pfdays: 'pf-days',
  pfsday: 'pf-days',
  pfsdays: 'pf-days',
  'petaflop/sday': 'pf-days',
  'petaflop/sdays': 'pf-days',
  petaflopsday: 'pf-days',
  petaflopsdays: 'pf-days',
  gpuh: 'gpu-hours',
  gpuhr: 'gpu-hours',
  gpuhrs: 'gpu-hours',
  gpuhour: 'gpu-hours',
  gpuhours: 'gpu-hours',
  gpud: 'gpu-days',
  gpuday: 'gpu-days',
  gpudays: 'gpu-days',
  usd: 'usd',
  dollar: 'usd',
  dollars: 'usd',
};

export const BUDGET_FORMS_HINT =
  "write a number with a unit: 5000gpuh, 5k gpu-hours, 200gpud, 1e23flops, 10pfd, $50000 or 50k usd";

const LEADING_NUMBER = /^(\$)?\s*(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?/i;

/**
 * Parses a budget such as `5000gpuh`, `5k GPU-hours`, `200gpud`, `3.6e21 flop`, `10 pf-days`,
 * `$50k` or `50k usd` (case-insensitive; SI suffixes k, M, B/G, T; optional spaces).
 *
 * @example parseBudget('10pfd') → { kind: 'flops', flops: 8.64e20, text: '10pfd' }
 */
export function parseBudget(text: string): Budget {
  const trimmed = text.trim();
  if (trimmed === '') throw badInput('the budget is empty', BUDGET_FORMS_HINT);
  if (/^[-−]/.test(trimmed)) throw badInput(`the budget must be positive, got '${text}'`, BUDGET_FORMS_HINT);

  // Spreadsheets paste "50,000": accept thousands separators only where they are well formed.
  const grouped = /^(\$?\s*)(\d{1,3}(?:,\d{3})+)(?![\d,])/.exec(trimmed);
  const normalised = grouped ? `${grouped[1]}${grouped[2]?.replaceAll(',', '')}${trimmed.slice(grouped[0].length)}` : trimmed;
  const number = LEADING_NUMBER.exec(normalised);
  if (!number) throw badInput(`cannot read the budget '${text}'`, BUDGET_FORMS_HINT);
  const [matched, dollar, mantissa = '', exponent] = number;
  const base = Number(exponent === undefined ? mantissa : `${mantissa}e${exponent}`);

  // What follows the number: an optional SI suffix, then the unit. Spaces, hyphens and
  // underscores carry no meaning ("5k gpu-hours" = "5kgpuhours"). The unit table decides whether
  // a leading letter is a suffix: "gpud" is a unit, "kgpuh" is k + gpuh.
  const rest = normalised.slice(matched.length).toLowerCase().replace(/[\s_-]+/g, '');
  let multiplier = 1;
  let unitKey = rest;
  const suffix = siMultiplier(rest.charAt(0));
  if (!Object.hasOwn(UNITS, rest) && suffix !== undefined) {
    multiplier = suffix;
    unitKey = rest.slice(1);
  }

  let unit: UnitKind | undefined;
  if (unitKey === '') {
    if (!dollar) throw badInput(`the budget '${text}' has no unit`, BUDGET_FORMS_HINT);
    unit = 'usd';
  } else {
    unit = Object.hasOwn(UNITS, unitKey) ? UNITS[unitKey] : undefined;
    if (unit === undefined) throw badInput(`cannot read the unit of the budget '${text}'`, BUDGET_FORMS_HINT);
    if (dollar && unit !== 'usd') throw badInput(`the budget '${text}' mixes '$' with another unit`, BUDGET_FORMS_HINT);
  }
  const amount = base * multiplier;

  if (!Number.isFinite(amount)) throw badInput(`the budget '${text}' is too large`, BUDGET_FORMS_HINT);
  if (amount <= 0) throw badInput(`the budget must be positive, got '${text}'`, BUDGET_FORMS_HINT);

  switch (unit) {
    case 'flops':
      return { kind: 'flops', flops: amount, text };
    case 'pf-days':
      return { kind: 'flops', flops: amount * FLOPS_PER_PF_DAY, text };
    case 'gpu-hours':
      return { kind: 'gpu-hours', gpuHours: amount, text };
    case 'gpu-days':
      return { kind: 'gpu-hours', gpuHours: amount * HOURS_PER_DAY, text };
    case 'usd':
      return { kind: 'usd', usd: amount, text };
  }
}
