import type { ChinchillaLoss } from '../../domain/presets.js';
import { badInput } from '../../domain/errors.js';
import type { BootstrapResult } from './bootstrap.js';
import { percentileInterval } from './bootstrap.js';
import type { FitResult } from './fit.js';
import { computeOptimal, optimalParamsExponent } from './optimal.js';

export const FIT_SCHEMA_ID = 'llm-plan/fit@1';

/** A budget at which to report the compute-optimal allocation. */
export interface FitBudget {
  /** As the user wrote it, e.g. `1e24flops`. */
  readonly text: string;
  readonly flops: number;
}

/** What the fit cannot know by itself: where the runs came from, when, and what to report. */
export interface FitContext {
  /** The input's name as the user gave it (`-` for stdin). */
  readonly input: string;
  /** ISO date YYYY-MM-DD, from the CLI's clock (the core has none). */
  readonly date: string;
  readonly droppedTopLoss: number;
  readonly budgets: readonly FitBudget[];
}

/** The fitted law as a loss-model preset (`llm-plan/fit@1`), loadable with `--loss ./file.json`. */
export type FitDocument = ChinchillaLoss & { readonly schema: typeof FIT_SCHEMA_ID };

/**
 * The loss-model document of a fit: the five constants, how they were fitted, bootstrap intervals
 * when resampled, and the compute-optimal N and D at the requested budgets.
 */
export function createFitDocument(fit: FitResult, bootstrap: BootstrapResult | undefined, context: FitContext): FitDocument {
  const { params } = fit;
  return {
    schema: FIT_SCHEMA_ID,
    id: fitId(context.input),
    name: `Law fitted to ${displayName(context.input)}`,
    form: 'chinchilla',
    ...params,
    parameterCount: 'all',
    dataset: `the runs in ${displayName(context.input)}`,
    source: `llm-plan fit of ${displayName(context.input)} on ${context.date} (Huber δ=${fit.delta} on log loss, L-BFGS from ${fit.starts} starts; Hoffmann et al. 2022 §3.3)`,
    notes: 'Loss is in the units and on the data of the input runs; it does not transfer to other data or tokenizers.',
    fit: {
      input: context.input,
      date: context.date,
      runs: fit.runs,
      droppedTopLoss: context.droppedTopLoss,
      delta: fit.delta,
      objective: fit.objective,
      converged: fit.converged,
      starts: fit.starts,
      paramsExponent: optimalParamsExponent(params),
      optimal: context.budgets.map((budget) => describeOptimal(fit, bootstrap, budget)),
      ...(bootstrap && {
        bootstrap: {
          samples: bootstrap.samples,
          seed: bootstrap.seed,
          confidence: bootstrap.confidence,
          intervals: {
            E: [...bootstrap.intervals.E],
            A: [...bootstrap.intervals.A],
            B: [...bootstrap.intervals.B],
            alpha: [...bootstrap.intervals.alpha],
            beta: [...bootstrap.intervals.beta],
          },
          draws: [...bootstrap.draws],
        },
      }),
    },
  };
}

function describeOptimal(fit: FitResult, bootstrap: BootstrapResult | undefined, budget: FitBudget) {
  const { params, tokens } = computeOptimal(fit.params, budget.flops);
  // As for a plan: at least one parameter and one token, or the budget is refused, not reported.
  if (!(params >= 1 && tokens >= 1 && Number.isFinite(params) && Number.isFinite(tokens))) {
    const small = budget.flops < 1 || (Number.isFinite(params) && Number.isFinite(tokens));
    throw badInput(
      `--budgets ${budget.text} is too ${small ? 'small' : 'large'} to plan under the fitted law`,
      small ? `it buys ${params.toPrecision(2)} parameters on ${tokens.toPrecision(2)} tokens; plan at least one of each` : 'give a smaller budget',
    );
  }
  const row = { budget: budget.text, flops: budget.flops, params, tokens, tokensPerParam: tokens / params };
  if (!bootstrap) return row;
  const allocations = bootstrap.draws.map((draw) => computeOptimal(draw, budget.flops));
  const interval = (values: number[]): [number, number] => percentileInterval(values, bootstrap.confidence);
  return {
    ...row,
    paramsInterval: interval(allocations.map((a) => a.params)),
    tokensInterval: interval(allocations.map((a) => a.tokens)),
    tokensPerParamInterval: interval(allocations.map((a) => a.tokens / a.params)),
  };
}

/**
 * A preset id for a fit of `input`: `fit-` and the file's base name without extension, lower-cased,
 * with anything outside the id alphabet replaced by `-`.
 *
 * @example fitId('data/My Runs.csv') → 'fit-my-runs'; fitId('-') → 'fit-stdin'
 */
export function fitId(input: string): string {
  const base = input === '-' ? 'stdin' : (input.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return `fit-${slug || 'runs'}`;
}

function displayName(input: string): string {
  return input === '-' ? 'stdin' : input;
}
