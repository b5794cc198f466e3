import { parseBudget } from '../core/budget.js';
import { parsePrice, toCompute, type Compute } from '../core/compute.js';
import { badInput } from '../core/errors.js';
import { parseMfu, resolveHardware, type Hardware } from '../core/hardware.js';
import { createPlan, pairRulesWithLoss, type PlanDocument } from '../core/plan.js';
import type { LossModel, Rule } from '../presets/schemas.js';
import { BUILTIN_CATALOG, findAccelerator, findLossModel, findRule, type PresetCatalog } from '../presets/catalog.js';

/** The plan flags as commander hands them over: strings, undefined where not given. */
export interface PlanOptions {
  readonly budget?: string;
  readonly gpu?: string;
  readonly precision?: string;
  readonly mfu?: string;
  readonly rule?: string;
  readonly loss?: string;
  readonly price?: string;
}

export const DEFAULT_RULE_ID = 'deepmind';
export const ALL_RULES = 'all';

/** A budget turned into FLOPs on the chosen hardware: what plan and check both need. */
export interface ResolvedCompute {
  readonly hardware: Hardware | undefined;
  readonly compute: Compute;
  readonly mfu: number | undefined;
  readonly price: number | undefined;
}

/**
 * Turns the plan flags into a plan document: parse, resolve presets, call the core. Pure apart from
 * the catalog, which the CLI loads (built-in data unless user presets are involved).
 */
export function planFromOptions(options: PlanOptions, catalog: PresetCatalog = BUILTIN_CATALOG): PlanDocument {
  if (options.budget === undefined) {
    throw badInput('nothing to plan: --budget is missing', 'for example: llm-plan --budget 5000gpuh --gpu v100');
  }
  const { hardware, compute, mfu, price } = computeFromOptions({ ...options, budget: options.budget }, catalog);

  const ruleId = options.rule ?? DEFAULT_RULE_ID;
  const rules: readonly Rule[] = ruleId.trim().toLowerCase() === ALL_RULES ? catalog.rules : [resolveRuleOption(catalog, ruleId)];
  const lossOverride = options.loss === undefined ? undefined : findLossModel(catalog, options.loss);

  return createPlan(
    {
      budget: options.budget,
      gpu: options.gpu ?? null,
      precision: options.precision ?? null,
      mfu: mfu ?? null,
      rule: ruleId,
      loss: options.loss ?? null,
      price: price ?? null,
    },
    hardware,
    compute,
    pairRulesWithLoss(rules, catalog.lossModels, lossOverride),
  );
}

/**
 * The budget flags (`--budget`, `--gpu`, `--precision`, `--mfu`, `--price`) as FLOPs on the chosen
 * hardware, with the same checks and messages everywhere a budget is given.
 */
export function computeFromOptions(options: PlanOptions & { readonly budget: string }, catalog: PresetCatalog): ResolvedCompute {
  const budget = parseBudget(options.budget);
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
  return { hardware, compute: toCompute(budget, hardware, price), mfu, price };
}

/** One rule by id, alias or loaded path; 'all' is listed among the choices since --rule takes it. */
export function resolveRuleOption(catalog: PresetCatalog, id: string): Rule {
  return findRule(catalog, id, [{ id: ALL_RULES }]);
}

/** The loss model that scores a rule: the override when given, else the rule's default. */
export function lossModelFor(catalog: PresetCatalog, rule: Rule, lossOption: string | undefined, flag = '--loss'): LossModel {
  const [scored] = pairRulesWithLoss([rule], catalog.lossModels, lossOption === undefined ? undefined : findLossModel(catalog, lossOption, flag));
  if (!scored) throw badInput(`rule '${rule.id}' has no loss model`);
  return scored.loss;
}
