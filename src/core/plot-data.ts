import type { ChinchillaParams, LossModel } from '../presets/schemas.js';
import { predictLoss } from './loss.js';
import type { RulePlan } from './plan.js';
import { allocateLossOptimal } from './rules.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from './units.js';

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
export interface FrontierPlot {
  readonly kind: 'frontier';
  readonly series: readonly FrontierSeries[];
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
    const points = logSpaced(Math.min(...sizes) / spread, Math.max(...sizes) * spread, samples).map((params) =>
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

/** One observed training run, as a fit reads it. */
export interface ObservedRun {
  readonly params: number;
  readonly tokens: number;
  readonly loss: number;
}

/** Runs of about the same compute, with the fitted law's IsoFLOP curve at that compute. */
export interface FitBucket {
  /** Geometric mean of the runs' `6·N·D`. */
  readonly flops: number;
  readonly runs: readonly ObservedRun[];
  readonly curve: readonly IsoflopPoint[];
}

/** Observed runs grouped by compute, each group with the fitted law's curve: what `fit --svg` draws. */
export interface FitPlot {
  readonly kind: 'fit';
  readonly law: ChinchillaParams;
  readonly buckets: readonly FitBucket[];
}

/**
 * Runs whose compute `6·N·D` rounds to the same quarter decade share a bucket: IsoFLOP experiments
 * use a handful of fixed budgets (Hoffmann et al. 2022 §3.2 use nine), and a quarter decade (×1.78)
 * keeps neighbouring budgets apart while absorbing the small spread of real token counts.
 */
const BUCKETS_PER_DECADE = 4;

/**
 * Groups observed runs by compute and draws the law `E + A/N^α + B/D^β` along each group's
 * IsoFLOP line, over the group's range of N (widened by a third of a decade each side).
 *
 * @example createFitPlot([{ params: 1e8, tokens: 2e9, loss: 3.1 }], { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 })
 */
export function createFitPlot(runs: readonly ObservedRun[], law: ChinchillaParams, samples = CURVE_SAMPLES): FitPlot {
  const groups = new Map<number, ObservedRun[]>();
  for (const run of runs) {
    const key = Math.round(Math.log10(SIX * run.params * run.tokens) * BUCKETS_PER_DECADE);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const widen = 10 ** (1 / 3);
  const buckets = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, members]) => {
      const flops = Math.exp(members.reduce((sum, run) => sum + Math.log(SIX * run.params * run.tokens), 0) / members.length);
      const sizes = members.map((run) => run.params);
      const curve = logSpaced(Math.min(...sizes) / widen, Math.max(...sizes) * widen, samples).map((params) => {
        const tokens = flops / (SIX * params);
        return { params, tokens, loss: law.E + law.A / params ** law.alpha + law.B / tokens ** law.beta };
      });
      return { flops, runs: members, curve };
    });
  return { kind: 'fit', law, buckets };
}

function isoflopPoint(loss: LossModel, flops: number, params: number): IsoflopPoint {
  const tokens = flops / (SIX * params);
  return { params, tokens, loss: predictLoss(loss, params, tokens) };
}

/** `count` values from `low` to `high` (both included), evenly spaced in log. */
function logSpaced(low: number, high: number, count: number): number[] {
  const step = (Math.log(high) - Math.log(low)) / (count - 1);
  return Array.from({ length: count }, (_, index) => (index === count - 1 ? high : Math.exp(Math.log(low) + index * step)));
}
