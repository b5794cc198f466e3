import type { LossModel, Rule } from '../domain/presets.js';
import type { CheckDocument, CheckResult, CheckWarning, SourceLocation, Violation, ViolationCode } from '../domain/schemas/check.js';
import { HOURS_PER_DAY, SECONDS_PER_HOUR, TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';
import { formatCount, formatGrouped, formatNumber, formatScientific } from './format.js';
import { predictLoss } from './loss.js';
import { describeExtrapolation, extrapolationOf } from './extrapolation.js';
import { allocate } from './rules.js';
import { formatBytes } from './format-bytes.js';
import { BUFFER_ALLOWANCE } from './cluster/allowance.js';
import { describeLayout } from './cluster/describe-layout.js';
import type { ClusterHardware, ClusterPlan, ClusterRequest, FitAdviceJson, LayoutRow, planCluster } from './cluster/plan-cluster.js';
import { suggestHyperparams } from './constraints/hyperparams.js';

export const CHECK_SCHEMA_ID = 'llm-plan/check@1';

/** Allowed |N/N_opt − 1| when a config does not set `tolerance` (issue 3). */
export const DEFAULT_TOLERANCE = 0.25;

/**
 * How close to a limit a passing config is warned about: within 10% of it (a maximum's value above
 * 0.9 × the maximum, a minimum's below 1.1 × the minimum). A product choice (issue 15), not a law.
 */
export const NEAR_LIMIT_MARGIN = 0.1;

/** The limits one config is held to; absent ones are not checked. */
export interface CheckLimits {
  /** Allowed |N/N_opt − 1|. */
  readonly tolerance: number;
  /** Allowed overspend of the budget, as a fraction of it (0: the budget is a cap). */
  readonly budgetTolerance: number;
  readonly minTokensPerParam?: number | undefined;
  readonly maxTokensPerParam?: number | undefined;
  readonly maxLoss?: number | undefined;
  readonly maxFlops?: number | undefined;
  /** Wall-clock days on `hardware.gpus` GPUs at the hardware's effective FLOP/s. */
  readonly maxDays?: number | undefined;
  /** USD at `hardware.priceUsdPerGpuHour`. */
  readonly maxCost?: number | undefined;
}

/** The hardware a config runs on, when it names one: what turns its FLOPs into time and money. */
export interface CheckHardware {
  /** The accelerator preset id, for messages. */
  readonly id: string;
  /** FLOP/s one GPU delivers: peak × MFU. */
  readonly effectiveFlops: number;
  readonly mfu: number;
  /** How many GPUs run it (wall-clock days need it). */
  readonly gpus?: number | undefined;
  readonly priceUsdPerGpuHour?: number | undefined;
}

/**
 * The cluster a config runs on (gpu and gpus given) and the plan's layout search on it for the
 * config's N and D (issue 12), run when the config is resolved so its errors name the field.
 */
export interface CheckCluster {
  readonly gpus: number;
  /** The accelerator preset id, for messages. */
  readonly gpuId: string;
  readonly hardware: ClusterHardware;
  readonly request: ClusterRequest;
  readonly plan: ClusterPlan;
}

/** The layout search for a config's N and D, with the plan's default global batch for 6·N·D (DeepSeek LLM). */
export function searchCheckLayout(
  params: number,
  tokens: number,
  gpus: number,
  hardware: ClusterHardware,
  request: ClusterRequest,
  // The layout search (./cluster/plan-cluster.ts), passed in so that checks without a cluster never load it.
  search: typeof planCluster,
): ClusterPlan {
  return search({ params, tokens }, gpus, hardware, request, suggestHyperparams(SIX * params * tokens, request.seqLen).batchSequences);
}

/** One config of a check file, resolved: numbers in base units, presets looked up. */
export interface CheckTarget {
  readonly index: number;
  readonly name: string;
  /** The file the config came from, and where in it, when known. */
  readonly file?: string | undefined;
  readonly location?: SourceLocation | null | undefined;
  readonly params: number;
  readonly tokens: number;
  /** The rule whose optimum the config is compared with. */
  readonly rule: Rule;
  /** The loss model that predicts the config's loss. */
  readonly loss: LossModel;
  /** The budget in FLOPs, and as the user wrote it. */
  readonly budget?: { readonly flops: number; readonly text: string } | undefined;
  readonly hardware?: CheckHardware | undefined;
  /** With gpu and gpus: the layout search runs, and does-not-fit is checked. */
  readonly cluster?: CheckCluster | undefined;
  readonly limits: CheckLimits;
}

/** What a config measures at: the quantities the limits are compared with. */
interface Measures {
  readonly target: CheckTarget;
  readonly flops: number;
  readonly tokensPerParam: number;
  readonly deviation: number;
  readonly optimum: { readonly params: number; readonly tokens: number };
  readonly lossValue: number;
  readonly gpuHours: number | undefined;
  readonly days: number | undefined;
  readonly costUsd: number | undefined;
  /** `70.0B params on 100B tokens`. */
  readonly shape: string;
  /** The layout search on the config's cluster, when it gives one. */
  readonly cluster: { readonly spec: CheckCluster; readonly plan: ClusterPlan } | undefined;
}

/**
 * One row of the limits table: which quantity is held to which threshold, in which direction,
 * and how a crossing reads. Every check of a config is a row; a new limit is a new row.
 */
interface Limit {
  readonly code: ViolationCode;
  /** The config field that sets the threshold, for near-limit warnings. */
  readonly field: string;
  /** `max`: the value must not exceed the limit; `min`: it must not fall below. */
  readonly bound: 'max' | 'min';
  /** The threshold, or undefined when the config does not set this limit. */
  readonly limit: (target: CheckTarget) => number | undefined;
  /** The measured value, or undefined when it cannot be measured (no hardware, say). */
  readonly value: (measures: Measures) => number | undefined;
  readonly reason: (measures: Measures, value: number, limit: number) => string;
}

const LIMITS: readonly Limit[] = [
  {
    code: 'over-budget',
    field: 'budget',
    bound: 'max',
    limit: ({ budget, limits }) => (budget ? budget.flops * (1 + limits.budgetTolerance) : undefined),
    value: ({ flops }) => flops,
    reason: ({ target, flops }) => {
      const budget = target.budget ?? { flops: Number.NaN, text: '' };
      const allowed = target.limits.budgetTolerance;
      return (
        `6·N·D = ${formatScientific(flops)} FLOPs is ${percent(flops / budget.flops - 1)} over the budget ${budget.text} (${formatScientific(budget.flops)} FLOPs)` +
        (allowed > 0 ? `; allowed +${percent(allowed)}` : '')
      );
    },
  },
  {
    code: 'off-optimum',
    field: 'tolerance',
    bound: 'max',
    limit: ({ limits }) => limits.tolerance,
    value: ({ deviation }) => deviation,
    reason: ({ target, shape, tokensPerParam, flops, optimum }, _value, limit) =>
      `${shape} (${formatNumber(tokensPerParam)} tokens/param) is ${formatNumber(target.params / optimum.params)}× the ${target.rule.id} optimum` +
      ` for ${formatScientific(flops)} FLOPs: ${formatCount(optimum.params)} params on ${formatCount(optimum.tokens)} tokens` +
      ` (${formatNumber(optimum.tokens / optimum.params)} tokens/param); allowed ±${percent(limit)}`,
  },
  {
    code: 'tokens-per-param-low',
    field: 'minTokensPerParam',
    bound: 'min',
    limit: ({ limits }) => limits.minTokensPerParam,
    value: ({ tokensPerParam }) => tokensPerParam,
    reason: ({ shape }, value, limit) => `${formatNumber(value)} tokens/param (${shape}) is below minTokensPerParam ${formatNumber(limit)}`,
  },
  {
    code: 'tokens-per-param-high',
    field: 'maxTokensPerParam',
    bound: 'max',
    limit: ({ limits }) => limits.maxTokensPerParam,
    value: ({ tokensPerParam }) => tokensPerParam,
    reason: ({ shape }, value, limit) => `${formatNumber(value)} tokens/param (${shape}) is above maxTokensPerParam ${formatNumber(limit)}`,
  },
  {
    code: 'loss-above-max',
    field: 'maxLoss',
    bound: 'max',
    limit: ({ limits }) => limits.maxLoss,
    value: ({ lossValue }) => lossValue,
    reason: ({ target, shape }, value, limit) => `predicted loss ${value.toFixed(3)} (${target.loss.id}) for ${shape} is above maxLoss ${limit}`,
  },
  {
    code: 'flops-above-max',
    field: 'maxFlops',
    bound: 'max',
    limit: ({ limits }) => limits.maxFlops,
    value: ({ flops }) => flops,
    reason: (_measures, value, limit) => `6·N·D = ${formatScientific(value)} FLOPs is above maxFlops ${formatScientific(limit)}`,
  },
  {
    code: 'days-above-max',
    field: 'maxDays',
    bound: 'max',
    limit: ({ limits }) => limits.maxDays,
    value: ({ days }) => days,
    reason: ({ target, flops }, value, limit) =>
      `${formatScientific(flops)} FLOPs take ${formatNumber(value)} days on ${formatGrouped(target.hardware?.gpus ?? 0)} × ${target.hardware?.id} at MFU ${formatNumber(target.hardware?.mfu ?? 0, 2)}; above maxDays ${formatNumber(limit)}`,
  },
  {
    // Bytes per GPU past the buffer allowance, so value and limit are both what the model counts.
    code: 'does-not-fit',
    field: 'gpu',
    bound: 'max',
    limit: ({ cluster }) => (cluster ? usableBytes(cluster.hardware.memoryBytes) : undefined),
    value: ({ cluster }) => (cluster ? modelBytes(cluster.plan.leanest) : undefined),
    reason: ({ cluster, shape }, value, limit) => {
      if (!cluster) return '';
      const { spec, plan } = cluster;
      const { architecture, leanest } = plan;
      const model = `${architecture.id ?? architecture.name}, ${formatCount(architecture.params)} params`;
      const advice = plan.layout.advice.map(describeAdvice);
      return (
        `no layout of ${shape} (${model}) fits ${formatGrouped(spec.gpus)} × ${spec.gpuId}: the leanest, ${describeLayout(leanest)}, needs ${formatBytes(value)} per GPU,` +
        ` above the ${formatBytes(limit)} usable (${formatBytes(spec.hardware.memoryBytes)} less the ${percent(BUFFER_ALLOWANCE)} buffer allowance)` +
        (advice.length > 0 ? `; would fit: ${advice.join(', or ')}` : '; no change of gpus, seqLen or model size llm-plan tries makes it fit')
      );
    },
  },
  {
    code: 'cost-above-max',
    field: 'maxCost',
    bound: 'max',
    limit: ({ limits }) => limits.maxCost,
    value: ({ costUsd }) => costUsd,
    reason: ({ target, gpuHours }, value, limit) =>
      `${formatGrouped(gpuHours ?? 0)} ${target.hardware?.id} GPU-hours at $${target.hardware?.priceUsdPerGpuHour}/h cost $${formatGrouped(value)}; above maxCost $${formatGrouped(limit)}`,
  },
];

/**
 * Checks one training config against its rule and limits (issues 3 and 15), one row of the
 * limits table each:
 * - over-budget: `6·N·D > budget × (1 + budgetTolerance)`
 * - off-optimum: `|N/N_opt − 1| > tolerance`, with N_opt the rule's allocation of the same 6·N·D
 * - tokens-per-param-low/high: D/N outside [minTokensPerParam, maxTokensPerParam]
 * - loss-above-max: the loss model's prediction for (N, D) above maxLoss
 * - flops-above-max: 6·N·D above maxFlops (e.g. 1e25, the EU AI Act's systemic-risk threshold)
 * - days-above-max: 6·N·D / (GPUs × effective FLOP/s) above maxDays
 * - does-not-fit: with gpu and gpus, the leanest layout the plan's search finds needs more bytes
 *   per GPU than the GPU's memory less the buffer allowance
 * - cost-above-max: GPU-hours × price above maxCost
 * A passing limit within `NEAR_LIMIT_MARGIN` of its threshold, and N, D or C outside the runs the
 * rule and loss model were fitted on, are warnings.
 */
export function checkConfig(target: CheckTarget): CheckResult {
  const { params, tokens, rule, loss, hardware } = target;
  const flops = SIX * params * tokens;
  const optimum = allocate(rule, flops, loss);
  const cluster = target.cluster ? { spec: target.cluster, plan: target.cluster.plan } : undefined;
  const gpuHours = hardware ? flops / (hardware.effectiveFlops * SECONDS_PER_HOUR) : undefined;
  const measures: Measures = {
    target,
    flops,
    tokensPerParam: tokens / params,
    deviation: Math.abs(params / optimum.params - 1),
    optimum,
    lossValue: predictLoss(loss, params, tokens),
    gpuHours,
    days: gpuHours !== undefined && hardware?.gpus !== undefined ? gpuHours / hardware.gpus / HOURS_PER_DAY : undefined,
    costUsd: gpuHours !== undefined && hardware?.priceUsdPerGpuHour !== undefined ? gpuHours * hardware.priceUsdPerGpuHour : undefined,
    shape: `${formatCount(params)} params on ${formatCount(tokens)} tokens`,
    cluster,
  };

  const violations: Violation[] = [];
  const warnings: CheckWarning[] = [];
  for (const row of LIMITS) {
    const limit = row.limit(target);
    const value = limit === undefined ? undefined : row.value(measures);
    if (limit === undefined || value === undefined) continue;
    const crossed = row.bound === 'max' ? value > limit : value < limit;
    if (crossed) {
      violations.push({ code: row.code, reason: row.reason(measures, value, limit), value, limit });
    } else if (row.bound === 'max' ? value > limit * (1 - NEAR_LIMIT_MARGIN) : value < limit * (1 + NEAR_LIMIT_MARGIN)) {
      warnings.push({ code: 'near-limit', limit: row.code, reason: nearReason(row, value, limit) });
    }
  }
  // Outside the runs its rule and loss model were fitted on, the optimum and the loss are extrapolations.
  const extrapolation = extrapolationOf(rule, loss, { params, tokens, flops });
  if (!extrapolation.inside) warnings.push({ code: 'extrapolation', reason: describeExtrapolation(rule.id, extrapolation) });

  return {
    index: target.index,
    name: target.name,
    ...(target.file === undefined ? {} : { file: target.file }),
    location: target.location ?? null,
    passed: violations.length === 0,
    params,
    tokens,
    tokensPerParam: measures.tokensPerParam,
    flops,
    rule: rule.id,
    optimalParams: optimum.params,
    optimalTokens: optimum.tokens,
    loss: { model: loss.id, value: measures.lossValue },
    budgetFlops: target.budget?.flops ?? null,
    gpuHours: gpuHours ?? null,
    days: measures.days ?? null,
    costUsd: measures.costUsd ?? null,
    layout: cluster ? layoutOf(cluster.spec, cluster.plan) : null,
    violations,
    warnings,
  };
}

/** GPU memory the model may use: the datasheet's less the buffer allowance (memory.ts). */
function usableBytes(memoryBytes: number): number {
  return memoryBytes * (1 - BUFFER_ALLOWANCE);
}

/** What a layout's memory model counts per GPU: weights, gradients, optimizer states and activations. */
function modelBytes(row: LayoutRow): number {
  const { weights, gradients, optimizer, activations } = row.memory;
  return weights + gradients + optimizer + activations;
}

/** A verified fit change, in a check file's terms. */
function describeAdvice(advice: FitAdviceJson): string {
  switch (advice.kind) {
    case 'drop-constraints': {
      const fields = advice.dropped.map((key) => (key === 'tp' || key === 'pp' ? 'layout' : key)).filter((field, index, all) => all.indexOf(field) === index);
      return `without ${fields.join(', ')} (left to the search)`;
    }
    case 'more-gpus':
      return `gpus: ${advice.gpus}`;
    case 'shorter-sequences':
      return `seqLen: ${advice.seqLen}`;
    case 'smaller-model':
      return `a model of ${formatCount(advice.params)} params (${advice.layers} layers × ${advice.dModel})`;
  }
  return '';
}

/** The result's `layout` object: the plan's layout section, lean, with the memory limit and the architecture. */
function layoutOf(spec: CheckCluster, plan: ClusterPlan): NonNullable<CheckResult['layout']> {
  const { alternatives: _alternatives, ...layout } = plan.layout;
  return {
    ...layout,
    advice: layout.advice.map((advice) => (advice.kind === 'drop-constraints' ? { ...advice, dropped: [...advice.dropped] } : advice)),
    leanest: plan.leanest,
    gpuMemoryBytes: spec.hardware.memoryBytes,
    usableBytesPerGpu: usableBytes(spec.hardware.memoryBytes),
    seqLen: spec.request.seqLen,
    optimizer: spec.request.optimizer,
    gradDtype: spec.request.gradDtype,
    flashAttention: spec.request.flashAttention,
    architecture: plan.architecture,
  };
}

/** `2.58 is within 10% of maxLoss 2.70`: the value and its threshold, in the row's own units. */
function nearReason(row: Limit, value: number, limit: number): string {
  if (row.code === 'does-not-fit') return `the leanest layout needs ${formatBytes(value)} per GPU, within ${percent(NEAR_LIMIT_MARGIN)} of the ${formatBytes(limit)} usable`;
  const show = row.code === 'off-optimum' ? (x: number) => `${percent(x)} off the optimum`
    : row.code === 'cost-above-max' ? (x: number) => `$${formatGrouped(x)}`
    : row.code === 'over-budget' || row.code === 'flops-above-max' ? (x: number) => `${formatScientific(x)} FLOPs`
    : (x: number) => formatNumber(x);
  const margin = percent(NEAR_LIMIT_MARGIN);
  return row.code === 'off-optimum'
    ? `${show(value)} is within ${margin} of the tolerance ±${percent(limit)}`
    : `${show(value)} is within ${margin} of ${row.field} ${show(limit)}`;
}

/** An invalid file, as the check report lists it. */
export interface InvalidCheckFile {
  readonly file: string;
  readonly message: string;
  readonly hint: string | null;
  readonly location: SourceLocation | null;
}

/**
 * The `llm-plan/check@1` document for one or more files' results. `file` is the one file checked,
 * or the files joined by ', ' when there are several (each result names its own).
 */
export function createCheckDocument(file: string | readonly string[], results: readonly CheckResult[], invalid: readonly InvalidCheckFile[] = []): CheckDocument {
  const files = typeof file === 'string' ? [file] : [...file];
  const passed = results.filter((result) => result.passed).length;
  const warnings = results.reduce((sum, result) => sum + result.warnings.length, 0);
  return {
    schema: CHECK_SCHEMA_ID,
    file: files.join(', '),
    files,
    passed: passed === results.length && invalid.length === 0,
    summary: { configs: results.length, passed, failed: results.length - passed, warnings, invalidFiles: invalid.length },
    results: [...results],
    invalid: [...invalid],
  };
}

/** 0.25 → '25%', 0.1234 → '12.3%'. */
function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))}%`;
}
