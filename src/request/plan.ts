import { parseBaseline, reanchorRule, type Anchor } from '../core/baseline.js';
import { parseBudget, type Budget } from '../core/budget.js';
import { parsePrice, toCompute, type Compute } from '../core/compute.js';
import { badInput, PlanError } from '../domain/errors.js';
import { parseMfu, resolveHardware, type Hardware } from '../core/hardware.js';
import { flopsForQuery, type InverseQuery } from '../core/inverse.js';
import { addPlanExtras, type PlanExtraOptions } from '../core/plan-extras.js';
import { createPlan, type FixedSize } from '../core/plan.js';
import { pairRulesWithLoss, type ScoredRule } from '../core/pair-rules.js';
import type { PlanDocument, PlanInput } from '../core/plan-document.js';
import type { LossModel, Rule } from '../domain/presets.js';
import { BUILTIN_CATALOG, findAccelerator, findLossModel, findRule, type PresetCatalog } from '../presets/catalog.js';
import type { PlanRequest } from '../domain/request.js';
import { applyConstraintOptions, type ConstraintContext, type ConstraintOptions } from './constraints.js';
import { readPlanQuery, type PlanQuery } from './plan-query.js';
import { evaluateRun } from '../core/chosen-run.js';
import { replaceExtrapolationNotes } from '../core/plan-notes.js';
import { predictLoss } from '../core/loss.js';
import { parsePositiveQuantity } from '../domain/si.js';
import type { RealModel } from '../domain/architecture.js';
import { interconnectOf } from './cluster.js';
import type { ClusterModel } from './cluster-model.js';

/** A plan request's fields as text, undefined where not given: what the parsers read. */
export interface PlanOptions extends ConstraintOptions {
  readonly budget?: string;
  readonly gpu?: string;
  readonly precision?: string;
  readonly mfu?: string;
  readonly rule?: string;
  readonly loss?: string;
  readonly price?: string;
  readonly params?: string;
  readonly tokens?: string;
  readonly targetLoss?: string;
  readonly baseline?: string;
  readonly range?: boolean;
  /** `--model <id>`: a real training run (presets/models.json): its N, D and architecture. */
  readonly model?: string;
}

export const DEFAULT_RULE_ID = 'deepmind';
export const ALL_RULES = 'all';
/** `--loss all`: score every plan under every loss model. */
export const ALL_LOSSES = 'all';

/** Everything about a plan except the compute: hardware, scored rules, what to show. */
export interface PlanSetup {
  readonly hardware: Hardware | undefined;
  readonly price: number | undefined;
  readonly scored: readonly ScoredRule[];
  readonly extras: PlanExtraOptions;
  /** The echo of the flags that do not depend on the budget. */
  readonly input: Omit<PlanInput, 'budget' | 'params' | 'tokens' | 'targetLoss'>;
}

/**
 * The `llm-plan/plan@1` document for a request: parse, resolve presets, call the core. What
 * `llm-plan --json` prints and what the library's `plan()` returns. Pure; the catalog is the
 * built-in presets unless the caller loaded user presets (the CLI does, from files and env).
 * `clusterModel` (./cluster-model.ts) must be given when needsClusterModel(request) is true.
 */
export function planDocument(request: PlanRequest & ClusterFiles, catalog: PresetCatalog = BUILTIN_CATALOG, clusterModel?: ClusterModel): PlanDocument {
  const { archFile, ...fields } = request;
  return planFromOptions({ ...(requestAsText(fields) as PlanOptions), ...(archFile ? { archFile } : {}) }, catalog, clusterModel);
}

/**
 * The request fields that call on the cluster model: an architecture (`arch`, the shape flags, a
 * real run's `model`) or a memory and layout estimate (`gpus`, `days`, `hours` and the memory
 * flags; `seqLen` sizes the activations). A superset of what reaches resolveArchitecture and
 * planCluster: a request without any of these never touches the cluster model.
 */
const CLUSTER_FIELDS = [
  'model', 'arch', 'layers', 'dModel', 'heads', 'kvHeads', 'ffn',
  'gpus', 'days', 'hours', 'zero', 'seqLen', 'microBatch', 'recompute', 'optimizer', 'gradDtype', 'layout', 'gpusPerNode', 'globalBatch',
] as const satisfies ReadonlyArray<keyof PlanRequest & keyof PlanOptions>;

/** Whether planning `request` needs the cluster model (./cluster-model.ts): the CLI loads it only then. */
export function needsClusterModel(request: Readonly<Partial<Record<keyof PlanRequest | keyof PlanOptions, unknown>>>): boolean {
  return CLUSTER_FIELDS.some((field) => request[field] !== undefined && request[field] !== null) || request.flashAttn === false;
}

/** What a request names but the pipeline does not read itself: the content of an `arch` config.json path. */
export interface ClusterFiles {
  readonly archFile?: { readonly name: string; readonly json: unknown };
}

/**
 * A request's fields as the text a flag would carry (`null` = not given), so one parser reads both:
 * a number is written as JavaScript prints it (`7000000000`, `0.4`, `1e+21`), which every quantity
 * parser reads; booleans stay booleans.
 */
export function requestAsText(request: object): Readonly<Record<string, string | boolean>> {
  const text: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(request) as Array<[string, unknown]>) {
    if (value === null || value === undefined) continue;
    text[key] = typeof value === 'number' ? String(value) : (value as string | boolean);
  }
  return text;
}

function planFromOptions(options: PlanOptions, catalog: PresetCatalog, clusterModel: ClusterModel | undefined): PlanDocument {
  // Without any cluster flag there is no architecture to resolve and no memory to estimate.
  const cluster = needsClusterModel(options) ? loaded(clusterModel) : undefined;
  const start = readStart(options, cluster);
  const setup = resolvePlanSetup(options, catalog);
  const lossModels = [...new Set([...setup.scored.map(({ loss }) => loss), ...catalog.lossModels])];
  const accelerator = options.gpu === undefined ? undefined : findAccelerator(catalog, options.gpu);
  const architecture = cluster?.resolveArchitecture(options, start.model ? cluster.architectureOf(start.model) : undefined);
  const context: ConstraintContext = {
    ...(architecture ? { architecture } : {}),
    interconnect: interconnectOf(accelerator),
    ...(start.kind === 'booking' ? { bookedDays: start.hours / 24 } : {}),
    ...(architecture?.origin === 'preset' && architecture.arch.maxSeqLen !== undefined ? { defaultSeqLen: Math.min(architecture.arch.maxSeqLen, 8192) } : {}),
  };
  if (start.kind === 'run') {
    if (options.range) throw badInput('--range describes the spread of a rule\'s optimum; a chosen run (--params with --tokens, or --model) has none', 'drop --range, or plan the budget with --budget');
    const flops = 6 * start.params * start.tokens;
    const compute = toCompute({ kind: 'flops', flops, text: `${flops}flops` }, setup.hardware, setup.price);
    const optimum = planForCompute(setup, compute, { budget: null, params: start.params, tokens: start.tokens, targetLoss: null });
    const rows = optimum.plans.map((row) => {
      const scored = setup.scored.find(({ rule }) => rule.id === row.rule);
      const lossModel = scored?.loss ?? findLossModel(catalog, row.loss.model);
      const evaluated = evaluateRun(row, start.params, start.tokens, lossModel);
      return row.losses ? { ...evaluated, losses: row.losses.map(({ model }) => ({ model, value: predictLoss(findLossModel(catalog, model), start.params, start.tokens) })) } : evaluated;
    });
    const runNotes = replaceExtrapolationNotes(optimum.notes, optimum.plans, rows);
    const notes = start.model ? [...runNotes, describeRealModel(start.model)] : runNotes;
    const plan: PlanDocument = { ...optimum, input: { ...optimum.input, model: start.model?.id ?? null }, plans: rows, notes };
    return applyConstraintOptions(plan, options, lossModels, context, cluster?.planCluster);
  }
  const query: PlanQuery = start.kind === 'booking' ? { kind: 'budget', budget: start.budget } : start.query;
  const compute = query.kind === 'budget' ? toCompute(query.budget, setup.hardware, setup.price) : computeForQuery(query, setup);
  const plan = planForCompute(
    setup,
    compute,
    {
      budget: options.budget ?? null,
      params: query.kind === 'params' ? query.params : null,
      tokens: query.kind === 'tokens' ? query.tokens : null,
      targetLoss: query.kind === 'target-loss' ? query.loss : null,
    },
    // The size the user typed comes back exactly; the other is derived from it (issue 11).
    query.kind === 'params' ? { params: query.params } : query.kind === 'tokens' ? { tokens: query.tokens } : {},
  );
  const withBooking: PlanDocument = start.kind === 'booking' ? { ...plan, input: { ...plan.input, booking: { gpus: start.gpus, hours: start.hours, gpuHours: start.gpus * start.hours } } } : plan;
  return applyConstraintOptions(withBooking, options, lossModels, context, cluster?.planCluster);
}

function loaded(clusterModel: ClusterModel | undefined): ClusterModel {
  if (!clusterModel) throw new PlanError('internal', 'the plan needs the cluster model, and the caller did not load it');
  return clusterModel;
}

type Start =
  | { readonly kind: 'query'; readonly query: PlanQuery; readonly model?: undefined }
  | { readonly kind: 'run'; readonly params: number; readonly tokens: number; readonly model?: RealModel }
  | { readonly kind: 'booking'; readonly gpus: number; readonly hours: number; readonly budget: Budget; readonly model?: undefined };

/**
 * What the plan starts from: a real model (`--model`), a chosen run (`--params` and `--tokens`),
 * a booking (`--gpus` with `--days` or `--hours`, no budget: budget = GPUs × time), or one of the
 * budget/inverse queries.
 */
function readStart(options: PlanOptions, cluster: ClusterModel | undefined): Start {
  const queryFlags = [options.budget, options.params, options.tokens, options.targetLoss];
  if (options.model !== undefined) {
    if (queryFlags.some((value) => value !== undefined)) {
      throw badInput('--model fixes N and D: give no --budget, --params, --tokens or --target-loss with it', 'for example: llm-plan --model gopher');
    }
    const model = loaded(cluster).findRealModel(options.model);
    return { kind: 'run', params: model.params, tokens: model.tokens, model };
  }
  if (options.hours !== undefined && options.days !== undefined) throw badInput('give --days or --hours for the booking, not both');
  if (options.params !== undefined && options.tokens !== undefined && options.budget === undefined && options.targetLoss === undefined) {
    return { kind: 'run', params: parsePositiveQuantity(options.params, '--params'), tokens: parsePositiveQuantity(options.tokens, '--tokens') };
  }
  const noQuery = queryFlags.every((value) => value === undefined);
  if (noQuery && options.gpus !== undefined && (options.days !== undefined || options.hours !== undefined)) {
    const gpus = parsePositiveQuantity(options.gpus, '--gpus');
    const hours = options.hours !== undefined ? parsePositiveQuantity(options.hours, '--hours') : parsePositiveQuantity(options.days ?? '', '--days') * 24;
    if (!Number.isSafeInteger(gpus)) throw badInput(`--gpus must be a whole number, got '${options.gpus}'`);
    if (hours > 24e6) throw badInput(`the booking must be at most 1,000,000 days, got ${hours / 24} days`);
    const gpuHours = gpus * hours;
    return { kind: 'booking', gpus, hours, budget: { kind: 'gpu-hours', gpuHours, text: `${gpuHours}gpuh` } };
  }
  if (options.hours !== undefined) {
    throw badInput('--hours is the length of a booking: give it with --gpus and without --budget', 'for example: llm-plan --gpu h100 --gpus 256 --hours 500');
  }
  return { kind: 'query', query: readPlanQuery(options) };
}

/** The note a real model adds: where its figures come from. */
function describeRealModel(model: RealModel): string {
  const flops = model.paperFlops === undefined ? '' : ` The paper gives ${model.paperFlops.toExponential(2).replace('e+', 'e')} FLOPs; here C = 6·N·D.`;
  return `${model.name}: ${model.source}.${flops}`;
}

/** The plan document for one compute under a resolved setup (one row of a sweep, or a plan). */
export function planForCompute(
  setup: PlanSetup,
  compute: Compute,
  query: Pick<PlanInput, 'budget' | 'params' | 'tokens' | 'targetLoss'>,
  fixed: FixedSize = {},
): PlanDocument {
  // DESIGN §4's key order (budget first), then the fields added since.
  const { gpu, precision, mfu, rule, loss, price, baseline } = setup.input;
  const input: PlanInput = { budget: query.budget, gpu, precision, mfu, rule, loss, price, params: query.params, tokens: query.tokens, targetLoss: query.targetLoss, baseline };
  return addPlanExtras(createPlan(input, setup.hardware, compute, setup.scored, fixed), setup.scored, setup.extras);
}

/** A GPU at a precision and MFU, and a price: what turns GPU time or money into FLOPs. */
export interface ResolvedHardware {
  readonly hardware: Hardware | undefined;
  readonly mfu: number | undefined;
  readonly price: number | undefined;
}

/** The hardware flags (`--gpu`, `--precision`, `--mfu`, `--price`), with the same checks everywhere. */
export function resolveHardwareOptions(options: Pick<PlanOptions, 'gpu' | 'precision' | 'mfu' | 'price'>, catalog: PresetCatalog): ResolvedHardware {
  const accelerator = options.gpu === undefined ? undefined : findAccelerator(catalog, options.gpu);
  if (!accelerator && options.precision !== undefined) {
    throw badInput('--precision needs --gpu', 'precision picks a column of the GPU datasheet: add --gpu');
  }
  if (!accelerator && options.mfu !== undefined) {
    throw badInput('--mfu needs --gpu', 'MFU turns GPU time into FLOPs; a FLOP budget does not use it');
  }
  const mfu = options.mfu === undefined ? undefined : parseMfu(options.mfu);
  const hardware = accelerator ? resolveHardware(accelerator, options.precision, mfu) : undefined;
  const price = options.price === undefined ? undefined : parsePrice(options.price);
  return { hardware, mfu, price };
}

/** One budget (`--budget` and the hardware flags) in FLOPs: what `check` compares a config with. */
export function computeFromOptions(options: Pick<PlanOptions, 'gpu' | 'precision' | 'mfu' | 'price'> & { readonly budget: string }, catalog: PresetCatalog): Compute {
  const { hardware, price } = resolveHardwareOptions(options, catalog);
  return toCompute(parseBudget(options.budget), hardware, price);
}

/** Resolves everything but the budget: GPU, price, rules (re-anchored at --baseline), loss models. */
export function resolvePlanSetup(
  options: Omit<PlanOptions, 'budget' | 'params' | 'tokens' | 'targetLoss'>,
  catalog: PresetCatalog = BUILTIN_CATALOG,
): PlanSetup {
  const { hardware, mfu, price } = resolveHardwareOptions(options, catalog);

  const ruleId = options.rule ?? DEFAULT_RULE_ID;
  const rules: Rule[] =
    ruleId.trim().toLowerCase() === ALL_RULES ? [...catalog.rules] : [findRule(catalog, ruleId, [{ id: ALL_RULES }])];
  const scoreAll = options.loss !== undefined && options.loss.trim().toLowerCase() === ALL_LOSSES;
  const lossOverride = options.loss === undefined || scoreAll ? undefined : findLossModel(catalog, options.loss, '--loss', [{ id: ALL_LOSSES }]);
  const baseline = options.baseline === undefined ? undefined : parseBaseline(options.baseline);
  const scored = pairRulesWithLoss(anchorRules(rules, baseline), catalog.lossModels, lossOverride);

  return {
    hardware,
    price,
    scored,
    extras: { baseline, range: options.range ?? false, scoreUnder: scoreAll ? scoringModels(scored, catalog) : undefined, lossModels: catalog.lossModels },
    input: {
      gpu: options.gpu ?? null,
      precision: options.precision ?? null,
      mfu: mfu ?? null,
      rule: ruleId,
      loss: options.loss ?? null,
      price: price ?? null,
      baseline: options.baseline ?? null,
    },
  };
}

/** The compute that answers --params, --tokens or --target-loss, with GPU time and cost where known. */
function computeForQuery(query: InverseQuery, setup: PlanSetup): Compute {
  const [only, ...others] = setup.scored;
  const flag = { params: '--params', tokens: '--tokens', 'target-loss': '--target-loss' }[query.kind];
  if (!only || others.length > 0) {
    throw badInput(`${flag} plans one rule at a time: each rule needs a different compute`, 'pick one with --rule deepmind, --rule openai or --rule optimal');
  }
  const flops = flopsForQuery(query, only);
  return toCompute({ kind: 'flops', flops, text: `${flops}flops` }, setup.hardware, setup.price);
}

/** Re-anchors the power-law rules at the user's run; a baseline for `optimal` alone is an error. */
function anchorRules(rules: Rule[], baseline: Anchor | undefined): Rule[] {
  if (!baseline) return rules;
  if (rules.every((rule) => rule.kind !== 'power-law')) {
    throw badInput(
      `--baseline re-anchors a power-law rule, and ${rules.map((rule) => rule.id).join(', ')} has no anchor: it follows its loss model`,
      'use --rule deepmind or --rule openai with --baseline, or fit your own law with llm-plan fit',
    );
  }
  return rules.map((rule) => reanchorRule(rule, baseline));
}

/** Every loss model of the catalog, and the plans' own model first if it is not one of them. */
function scoringModels(scored: readonly ScoredRule[], catalog: PresetCatalog): LossModel[] {
  const extra = scored.map(({ loss }) => loss).filter((model) => !catalog.lossModels.includes(model));
  return [...new Set([...extra, ...catalog.lossModels])];
}

/** The loss model that scores a rule: the override when given, else the rule's default. */
export function lossModelFor(catalog: PresetCatalog, rule: Rule, lossOption: string | undefined, flag = '--loss'): LossModel {
  const [scored] = pairRulesWithLoss([rule], catalog.lossModels, lossOption === undefined ? undefined : findLossModel(catalog, lossOption, flag));
  if (!scored) throw badInput(`rule '${rule.id}' has no loss model`);
  return scored.loss;
}
