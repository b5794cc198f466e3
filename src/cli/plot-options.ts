import { BUILTIN_REAL_MODELS } from '../presets/real-models.js';
import type { RealModel } from '../domain/architecture.js';
import { parseBudgetRange } from '../core/budget-range.js';
import { parseBudget, type Budget } from '../core/budget.js';
import { toCompute } from '../core/compute.js';
import { badInput } from '../domain/errors.js';
import type { PlanInput } from '../core/plan-document.js';
import { createFrontierPlot, createIsoflopPlot, PLOT_SCHEMA_ID, type BudgetPlans, type FrontierPlot, type IsoflopPlot } from '../core/plot-data.js';
import { sweepBudgets } from '../core/sweep.js';
import { BUILTIN_CATALOG, type PresetCatalog } from '../presets/catalog.js';
import { ALL_LOSSES, ALL_RULES, planForCompute, resolvePlanSetup, type PlanOptions } from '../request/plan.js';

/** The plot flags as commander hands them over (the plan's, less the inverse queries and --range). */
export interface PlotOptions extends Omit<PlanOptions, 'params' | 'tokens' | 'targetLoss' | 'range'> {
  readonly frontier?: boolean;
  readonly width?: string;
  readonly height?: string;
  readonly svg?: string;
  /** `--models`: place the real training runs of presets/models.json on the frontier. */
  readonly models?: boolean;
}

/** The `llm-plan/plot@1` document: what the figure shows, as data (`plot --json`). */
export type PlotDocument = {
  readonly schema: typeof PLOT_SCHEMA_ID;
  readonly input: Omit<PlanInput, 'params' | 'tokens' | 'targetLoss'> & { readonly frontier: boolean };
  readonly notes: readonly string[];
} & (IsoflopPlot | FrontierPlot);

/** Budgets along the frontier: enough for a smooth log–log line, few enough to plan instantly. */
const FRONTIER_STEPS = 25;

/** The rules a plot compares without --rule: the seed's two, and the loss-optimal one. */
const DEFAULT_PLOT_RULES: readonly string[] = ['openai', 'deepmind', 'optimal'];

/** Curves are numbered 1–9 in the terminal, one digit each. */
const MAX_BUDGETS = 9;

/**
 * Turns the plot flags into a plot document. Each budget is planned exactly as `llm-plan --budget`
 * would plan it (same parsing, presets, --baseline and errors), then the core builds the figure's
 * data. Without `--rule` it compares the seed's rules (openai, deepmind) and optimal, so the figure
 * stays legible; `--rule all` draws every rule of the rule book.
 */
export function plotFromOptions(options: PlotOptions, catalog: PresetCatalog = BUILTIN_CATALOG): PlotDocument {
  // --models alone: the frontier over the span of the runs' compute, a decade wider each side.
  if (options.models && options.budget === undefined) {
    const flops = BUILTIN_REAL_MODELS.map(runFlops);
    const low = 10 ** Math.floor(Math.log10(Math.min(...flops)) - 0.5);
    const high = 10 ** Math.ceil(Math.log10(Math.max(...flops)) + 0.5);
    return plotFromOptions({ ...options, budget: `${low}flops..${high}flops`, frontier: true }, catalog);
  }
  if (options.models && !options.frontier) {
    throw badInput('--models places real runs on the compute-optimal frontier', 'add --frontier with a budget range, or give --models alone');
  }
  if (options.budget === undefined) {
    throw badInput('nothing to plot: --budget is missing', 'for example: llm-plan plot --budget 5000gpuh --gpu v100');
  }
  if (options.loss?.trim().toLowerCase() === ALL_LOSSES) {
    throw badInput('a plot draws the curves of one loss model', "name one with --loss, or see every model's loss with llm-plan --loss all");
  }
  const every = resolvePlanSetup({ ...options, rule: options.rule ?? ALL_RULES }, catalog);
  const setup = options.rule === undefined ? { ...every, scored: every.scored.filter(({ rule }) => DEFAULT_PLOT_RULES.includes(rule.id)) } : every;
  const frontier = options.frontier === true;
  const budgets = frontier ? frontierBudgets(options.budget) : isoflopBudgets(options.budget);
  // Every budget is converted before anything is planned, so the first bad one is the error shown.
  const computes = budgets.map((budget) => toCompute(budget, setup.hardware, setup.price));
  const documents = budgets.map((budget, index) => {
    const compute = computes[index];
    if (!compute) throw new RangeError(`plot budget ${index} is out of range`);
    return planForCompute(setup, compute, { budget: budget.text, params: null, tokens: null, targetLoss: null });
  });
  const budgetPlans = documents.map((plan): BudgetPlans => ({ budget: plan.input.budget ?? '', flops: plan.compute.flops, plans: plan.plans }));
  const notes = [...new Set(documents.flatMap((plan) => plan.notes))];
  const input = { budget: options.budget, ...setup.input, frontier };
  if (frontier) {
    const models = options.models
      ? BUILTIN_REAL_MODELS.map((model) => ({ id: model.id, name: model.name, flops: runFlops(model), params: model.params, tokens: model.tokens }))
      : undefined;
    const modelNotes = models
      ? ["Real runs (presets/models.json) at their compute: the paper's own figure where it gives one, else 6·N·D. 'llm-plan models' lists N/N_opt per rule."]
      : [];
    return { schema: PLOT_SCHEMA_ID, input, ...createFrontierPlot(budgetPlans), ...(models ? { models } : {}), notes: [...notes, ...modelNotes] };
  }

  // One plan's rows are all scored by one model (pairRulesWithLoss), so it draws the curves.
  const loss = setup.scored[0]?.loss;
  if (!loss) throw new Error('no scoring loss model for the plot');
  return { schema: PLOT_SCHEMA_ID, input, ...createIsoflopPlot(budgetPlans, loss), notes };
}

/** `1e21flops,1e22flops` → each budget; a range belongs to --frontier. */
function isoflopBudgets(text: string): Budget[] {
  if (text.includes('..')) {
    throw badInput(`'${text}' is a range; IsoFLOP curves take single budgets`, 'add --frontier to plot a range, or list budgets: --budget 1e21flops,1e22flops');
  }
  const budgets = text.split(',').map((part) => part.trim());
  if (budgets.some((part) => part === '')) throw badInput(`the budget list '${text}' has an empty entry`, 'separate budgets with commas: 1e21flops,1e22flops');
  if (budgets.length > MAX_BUDGETS) throw badInput(`${budgets.length} budgets are too many for one figure`, `give at most ${MAX_BUDGETS}`);
  return budgets.map(parseBudget);
}

/** `LO..HI` → FRONTIER_STEPS budgets, evenly spaced in log (as `sweep` spaces them). */
function frontierBudgets(text: string): Budget[] {
  if (!text.includes('..')) {
    throw badInput(`--frontier needs a range of budgets, got '${text}'`, 'for example: llm-plan plot --frontier --budget 1e21flops..1e25flops');
  }
  return sweepBudgets(parseBudgetRange(text), FRONTIER_STEPS);
}

/**
 * Parses `--width`/`--height`: a whole number within [min, max].
 *
 * @example parseSize('100', '--width', 40, 1000) → 100
 */
export function parseSize(text: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw badInput(`${flag} must be a whole number from ${min} to ${max}, got '${text}'`, `for example ${flag} ${fallback}`);
  }
  return value;
}

/** A run's compute: the paper's own figure where it gives one, else 6·N·D (reference/models.md). */
function runFlops(model: RealModel): number {
  return model.paperFlops ?? 6 * model.params * model.tokens;
}
