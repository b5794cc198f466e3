import type { LossModel } from '../domain/presets.js';
import { logSpace } from './budget-range.js';
import { predictLoss } from './loss.js';
import type { RulePlan } from './plan-document.js';
import { allocateLossOptimal } from './rules.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';

export const PLOT_SCHEMA_ID = 'llm-plan/plot@1';

/** How finely a curve is sampled: smooth at any terminal width and in a 800 px SVG. */
export const CURVE_SAMPLES = 121;

/**
 * How far an IsoFLOP curve reaches either side of its optimum and the rules' plans, in decades of N.
 * 1.5 decades (×31.6) shows the whole valley: at 1e21 FLOPs under besiroglu2024 the loss rises from
 * 2.31 at the optimum to about 2.7 at the ends (hand-evaluated from E + A/N^α + B/D^β).
 */
const VALLEY_HALF_WIDTH_DECADES = 1.5;

/** One point of an IsoFLOP curve: a model size N, the tokens D = C/(6N), and the predicted loss. */
export interface IsoflopPoint {
  readonly params: number;
  readonly tokens: number;
  readonly loss: number;
}

/** The loss against N along `6·N·D = C` for one budget. */
export interface IsoflopCurve {
  /** The budget as the user typed it. */
  readonly budget: string;
  readonly flops: number;
  /** The loss model's own minimum on this curve. */
  readonly optimum: IsoflopPoint;
  readonly points: readonly IsoflopPoint[];
}

/** One rule's plan for one budget, marked on that budget's curve. */
export interface PlotMarker extends IsoflopPoint {
  readonly rule: string;
  readonly budget: string;
  readonly flops: number;
}

/** The IsoFLOP figure: one curve per budget, every rule's plan marked on it. */
export interface IsoflopPlot {
  readonly kind: 'isoflop';
  /** The loss model that draws the curves and scores every marker. */
  readonly lossModel: string;
  readonly curves: readonly IsoflopCurve[];
  readonly markers: readonly PlotMarker[];
}

/** A rule's (N, D) at one compute budget. */
export interface FrontierPoint {
  readonly flops: number;
  readonly params: number;
  readonly tokens: number;
}

/** How one rule's optimum moves with compute. */
export interface FrontierSeries {
  readonly rule: string;
  readonly lossModel: string;
  readonly points: readonly FrontierPoint[];
}

/** The frontier figure: optimal N and D against compute, one series per rule. */
/** A real training run on the frontier (`plot --models`): where it sits against the rules' lines. */
export interface PlottedRun {
  readonly id: string;
  readonly name: string;
  readonly flops: number;
  readonly params: number;
  readonly tokens: number;
}

export interface FrontierPlot {
  readonly kind: 'frontier';
  readonly series: readonly FrontierSeries[];
  /** With `--models`: the real runs, at their compute (the paper's figure where given, else 6·N·D). */
  readonly models?: readonly PlottedRun[];
}

/** One budget's plans, as `createPlan` made them. */
export interface BudgetPlans {
  readonly budget: string;
  readonly flops: number;
  readonly plans: readonly RulePlan[];
}

/**
 * The IsoFLOP valley for one or more budgets: the loss model's loss against N (log-spaced) along
 * `D = C/(6N)`, reaching 1.5 decades beyond the optimum and the plans on both sides, with each
 * plan as a marker. Every marker's loss is the model's, so it lies on its curve.
 *
 * @example createIsoflopPlot([{ budget: '1e21flops', flops: 1e21, plans }], besiroglu2024)
 */
export function createIsoflopPlot(budgets: readonly BudgetPlans[], loss: LossModel, samples = CURVE_SAMPLES): IsoflopPlot {
  const curves = budgets.map(({ budget, flops, plans }) => {
    const optimumParams = allocateLossOptimal(loss, flops);
    const sizes = [optimumParams, ...plans.map((plan) => plan.params)];
    const spread = 10 ** VALLEY_HALF_WIDTH_DECADES;
    const points = logSpace(Math.min(...sizes) / spread, Math.max(...sizes) * spread, samples).map((params) =>
      isoflopPoint(loss, flops, params),
    );
    return { budget, flops, optimum: isoflopPoint(loss, flops, optimumParams), points };
  });
  const markers = budgets.flatMap(({ budget, flops, plans }) =>
    plans.map((plan) => ({ rule: plan.rule, budget, flops, ...isoflopPoint(loss, flops, plan.params) })),
  );
  return { kind: 'isoflop', lossModel: loss.id, curves, markers };
}

/**
 * The compute-optimal frontier: for each rule, its (N, D) at each budget, in the order given.
 *
 * @example createFrontierPlot([{ budget: '1e21flops', flops: 1e21, plans }, …]).series[0].points
 */
export function createFrontierPlot(budgets: readonly BudgetPlans[]): FrontierPlot {
  const rules = [...new Set(budgets.flatMap(({ plans }) => plans.map((plan) => plan.rule)))];
  const series = rules.map((rule) => {
    const rows = budgets.flatMap(({ flops, plans }) => plans.filter((plan) => plan.rule === rule).map((plan) => ({ flops, plan })));
    return {
      rule,
      lossModel: rows[0]?.plan.loss.model ?? '',
      points: rows.map(({ flops, plan }) => ({ flops, params: plan.params, tokens: plan.tokens })),
    };
  });
  return { kind: 'frontier', series };
}

function isoflopPoint(loss: LossModel, flops: number, params: number): IsoflopPoint {
  const tokens = flops / (SIX * params);
  return { params, tokens, loss: predictLoss(loss, params, tokens) };
}
