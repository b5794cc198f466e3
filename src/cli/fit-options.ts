import { parseBudget } from '../core/budget.js';
import { badInput } from '../domain/errors.js';
import { MAX_BOOTSTRAP_SAMPLES } from '../core/fit/limits.js';
import type { FitBudget } from '../core/fit/document.js';
import { chooseFormat } from './format-option.js';

/** The fit flags as commander hands them over. */
export interface FitFlags {
  readonly json?: boolean;
  readonly format?: string;
  readonly dropTopLoss?: string;
  readonly delta?: string;
  readonly bootstrap?: string;
  readonly seed?: string;
  readonly budgets?: string;
  readonly color: boolean;
}

export type FitFormat = 'table' | 'json' | 'ndjson';
export const FIT_FORMATS: readonly FitFormat[] = ['table', 'json', 'ndjson'];

export interface FitSettings {
  readonly format: FitFormat;
  readonly dropTopLoss: number;
  readonly delta: number | undefined;
  readonly bootstrap: number | undefined;
  readonly seed: number;
  readonly budgets: FitBudget[];
}

/** The budget the table reports when --budgets is not given: the scale of a frontier run today. */
export const DEFAULT_FIT_BUDGETS = '1e24flops';
export const DEFAULT_SEED = 0;

const WHOLE = /^\d+$/;
const SIGNED_WHOLE = /^-?\d+$/;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Reads and checks the fit flags; every mistake is a usage error naming the flag. */
export function readFitFlags(flags: FitFlags): FitSettings {
  return {
    format: chooseFormat(flags, FIT_FORMATS),
    dropTopLoss: flags.dropTopLoss === undefined ? 0 : readWhole(flags.dropTopLoss, '--drop-top-loss'),
    delta: flags.delta === undefined ? undefined : readDelta(flags.delta),
    bootstrap: flags.bootstrap === undefined ? undefined : readSamples(flags.bootstrap),
    seed: flags.seed === undefined ? DEFAULT_SEED : readSeed(flags.seed),
    budgets: readBudgets(flags.budgets ?? DEFAULT_FIT_BUDGETS),
  };
}

function readWhole(text: string, flag: string): number {
  const value = Number(text.trim());
  if (!WHOLE.test(text.trim()) || !Number.isSafeInteger(value)) throw badInput(`${flag} must be a whole number, got '${text}'`);
  return value;
}

/** Checked here as well as in the core so that a typo fails before a fit of several seconds. */
function readSamples(text: string): number {
  const value = WHOLE.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(value >= 1 && value <= MAX_BOOTSTRAP_SAMPLES)) {
    throw badInput(`--bootstrap must be a whole number from 1 to ${MAX_BOOTSTRAP_SAMPLES}, got '${text}'`, 'for example --bootstrap 1000');
  }
  return value;
}

function readSeed(text: string): number {
  const value = Number(text.trim());
  // mulberry32 takes a 32-bit state; larger seeds would silently alias.
  if (!SIGNED_WHOLE.test(text.trim()) || Math.abs(value) > 2 ** 32 - 1) {
    throw badInput(`--seed must be a whole number within ±4294967295, got '${text}'`, 'for example --seed 42');
  }
  return value;
}

function readDelta(text: string): number {
  const value = DECIMAL.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(value > 0 && Number.isFinite(value))) {
    throw badInput(`--delta must be a positive number, got '${text}'`, 'the Huber threshold on log loss; Chinchilla uses 1e-3');
  }
  return value;
}

function readBudgets(text: string): FitBudget[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) throw badInput(`--budgets has an empty entry: '${text}'`, 'for example --budgets 1e22flops,1e24flops');
  return parts.map((part) => {
    const budget = parseBudget(part);
    if (budget.kind !== 'flops') {
      throw badInput(`--budgets takes FLOP or PF-day budgets, got '${part}'`, 'for example --budgets 1e22flops,1e24flops,1000pfd');
    }
    return { text: part, flops: budget.flops };
  });
}
