import { budgetAmount, logSpace, parseBudgetRange } from '../core/budget-range.js';
import type { Budget } from '../core/budget.js';
import { badInput } from '../core/errors.js';
import type { PlanDocument } from '../core/plan.js';
import { createFrontierPlot, createIsoflopPlot, PLOT_SCHEMA_ID, type BudgetPlans, type FrontierPlot, type IsoflopPlot } from '../core/plot-data.js';
import { BUILTIN_LOSS_MODELS } from '../presets/builtin.js';
import { ALL_RULES, planFromOptions, type PlanOptions } from './plan-options.js';

/** The plot flags as commander hands them over. */
export interface PlotOptions extends PlanOptions {
  readonly frontier?: boolean;
  readonly width?: string;
  readonly height?: string;
  readonly svg?: string;
}

/** The `llm-plan/plot@1` document: what the figure shows, as data (`plot --json`). */
export type PlotDocument = {
  readonly schema: typeof PLOT_SCHEMA_ID;
  readonly input: {
    readonly budget: string;
    readonly gpu: string | null;
    readonly precision: string | null;
    readonly mfu: number | null;
    readonly rule: string;
    readonly loss: string | null;
    readonly price: number | null;
    readonly frontier: boolean;
  };
  readonly notes: readonly string[];
} & (IsoflopPlot | FrontierPlot);

/** Budgets along the frontier: enough for a smooth log–log line, few enough to plan instantly. */
const FRONTIER_STEPS = 25;

/** Curves are numbered 1–9 in the terminal, one digit each. */
const MAX_BUDGETS = 9;

/**
 * Turns the plot flags into a plot document. Each budget is planned exactly as `llm-plan --budget`
 * would plan it (same parsing, presets and errors), then the core builds the figure's data.
 * `--rule` defaults to `all`: the point of the picture is to compare the rules.
 */
export function plotFromOptions(options: PlotOptions): PlotDocument {
  if (options.budget === undefined) {
    throw badInput('nothing to plot: --budget is missing', 'for example: llm-plan plot --budget 5000gpuh --gpu v100');
  }
  const rule = options.rule ?? ALL_RULES;
  const planFor = (budget: string): PlanDocument => planFromOptions({ ...options, budget, rule });
  const budgetPlans = (plan: PlanDocument): BudgetPlans => ({ budget: plan.input.budget, flops: plan.compute.flops, plans: plan.plans });
  const frontier = options.frontier === true;
  const documents = frontier ? frontierBudgets(options.budget).map(planFor) : isoflopBudgets(options.budget).map(planFor);

  const first = documents[0];
  if (!first) throw badInput('nothing to plot: --budget is empty');
  const notes = [...new Set(documents.flatMap((plan) => plan.notes))];
  const input = { ...first.input, budget: options.budget, frontier };
  if (frontier) return { schema: PLOT_SCHEMA_ID, input, ...createFrontierPlot(documents.map(budgetPlans)), notes };

  // Every row of one plan is scored by the same model (pairRulesWithLoss), so it draws the curves.
  const lossId = first.plans[0]?.loss.model;
  const loss = BUILTIN_LOSS_MODELS.find((model) => model.id === lossId);
  if (!loss) throw new Error(`no loss model '${lossId}' for the plot`);
  return { schema: PLOT_SCHEMA_ID, input, ...createIsoflopPlot(documents.map(budgetPlans), loss), notes };
}

/** `1e21flops,1e22flops` → each budget text; a range belongs to --frontier. */
function isoflopBudgets(text: string): string[] {
  if (text.includes('..')) {
    throw badInput(`'${text}' is a range; IsoFLOP curves take single budgets`, 'add --frontier to plot a range, or list budgets: --budget 1e21flops,1e22flops');
  }
  const budgets = text.split(',').map((part) => part.trim());
  if (budgets.some((part) => part === '')) throw badInput(`the budget list '${text}' has an empty entry`, 'separate budgets with commas: 1e21flops,1e22flops');
  if (budgets.length > MAX_BUDGETS) throw badInput(`${budgets.length} budgets are too many for one figure`, `give at most ${MAX_BUDGETS}`);
  return budgets;
}

/** `LO..HI` → FRONTIER_STEPS budget texts, evenly spaced in log. */
function frontierBudgets(text: string): string[] {
  if (!text.includes('..')) {
    throw badInput(`--frontier needs a range of budgets, got '${text}'`, 'for example: llm-plan plot --frontier --budget 1e21flops..1e25flops');
  }
  const { low, high } = parseBudgetRange(text);
  return logSpace(budgetAmount(low), budgetAmount(high), FRONTIER_STEPS).map((amount) => budgetText(low, amount));
}

/** A budget text `parseBudget` reads back to the same amount: `1e+21flops`, `5000gpuh`, `20000usd`. */
function budgetText(like: Budget, amount: number): string {
  const unit = { flops: 'flops', 'gpu-hours': 'gpuh', usd: 'usd' }[like.kind];
  return `${amount}${unit}`;
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
