import { parseBudget } from '../core/budget.js';
import { bootstrapFit, type BootstrapResult } from '../core/fit/bootstrap.js';
import { createFitDocument, type FitBudget, type FitDocument } from '../core/fit/document.js';
import { fitScalingLaw, MIN_RUNS, outsideStartBox, type FitResult } from '../core/fit/fit.js';
import { MAX_BOOTSTRAP_SAMPLES } from '../core/fit/limits.js';
import { dropTopLoss, type Run } from '../core/fit/runs.js';
import { badInput } from '../domain/errors.js';
import type { FitRequest } from '../domain/request.js';
import { requestAsText } from './plan.js';

/** The fit settings as text, as the flags carry them. */
export interface FitFlags {
  readonly dropTopLoss?: string;
  readonly delta?: string;
  readonly bootstrap?: string;
  readonly seed?: string;
  readonly budgets?: string;
}

export interface FitSettings {
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

/** Reports a long phase's progress: `run` does the work and calls `onProgress(done, total)`. */
export type ProgressReporter = <T>(phase: 'fit' | 'bootstrap', run: (onProgress?: (done: number, total: number) => void) => T) => T;

export interface FitHooks {
  readonly progress?: ProgressReporter;
  /** A warning for a person (a resample that gave no law); the document stays valid without it. */
  readonly warn?: (message: string) => void;
}

/** The fit and what it was made from: the runs after `dropTopLoss`, the fit, the bootstrap. */
export interface FitOutcome {
  readonly document: FitDocument;
  readonly runs: readonly Run[];
  readonly fit: FitResult;
  readonly bootstrap: BootstrapResult | undefined;
}

/**
 * The `llm-plan/fit@1` document for runs: drop the highest-loss runs, fit `L = E + A/N^α + B/D^β`
 * (Hoffmann et al. 2022 §3.3), bootstrap it when asked. What `llm-plan fit --json` prints and the
 * library's `fit()` returns.
 *
 * @param source what the runs came from (`input`, a file name) and the date the document records
 */
export function fitRuns(runs: readonly Run[], settings: FitSettings, source: { readonly input: string; readonly date: string }, hooks: FitHooks = {}): FitOutcome {
  const kept = dropTopLoss(runs, settings.dropTopLoss);
  if (kept.length < MIN_RUNS) {
    throw badInput(`${source.input === '-' ? 'stdin' : source.input}: a fit needs at least ${MIN_RUNS} runs, got ${kept.length}`, 'the law has five parameters; give more runs (or drop fewer)');
  }
  const progress: ProgressReporter = hooks.progress ?? ((_phase, run) => run());
  const fit = progress('fit', (onProgress) => fitScalingLaw(kept, { delta: settings.delta, onProgress }));
  const outside = outsideStartBox(fit.params);
  if (outside.length > 0) {
    hooks.warn?.(`the fit ended outside the box its starting grid spans (${outside.join(', ')}): the runs do not pin the law down there; treat it with care`);
  }
  const samples = settings.bootstrap;
  const bootstrap = samples === undefined ? undefined : progress('bootstrap', (onProgress) => bootstrapFit(kept, fit, { samples, seed: settings.seed, onProgress }));
  if (bootstrap && bootstrap.failed > 0) {
    hooks.warn?.(`${bootstrap.failed} of ${samples} resamples gave no valid law and are left out of the intervals`);
  }
  const document = createFitDocument(fit, bootstrap, { input: source.input, date: source.date, droppedTopLoss: settings.dropTopLoss, budgets: settings.budgets });
  return { document, runs: kept, fit, bootstrap };
}

/** The settings of a fit request, read by the flags' own checks. */
export function fitSettingsOf(request: Omit<FitRequest, 'runs'>): FitSettings {
  const { budgets, ...rest } = request;
  const text = requestAsText(rest) as FitFlags;
  return readFitFlags({ ...text, ...(budgets === null || budgets === undefined ? {} : { budgets: Array.isArray(budgets) ? budgets.join(',') : budgets }) });
}
