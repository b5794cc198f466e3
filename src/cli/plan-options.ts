import { parseBudget } from '../core/budget.js';
import { parsePrice, toCompute } from '../core/compute.js';
import { badInput } from '../core/errors.js';
import { parseMfu, resolveHardware } from '../core/hardware.js';
import { createPlan, pairRulesWithLoss, type PlanDocument } from '../core/plan.js';
import { resolveById } from '../core/resolve.js';
import { applyConstraintOptions, type ConstraintOptions } from './constraint-options.js';
import type { Rule } from '../presets/schemas.js';
import { BUILTIN_ACCELERATORS, BUILTIN_LOSS_MODELS, BUILTIN_RULES } from '../presets/builtin.js';

/** The plan flags as commander hands them over: strings, undefined where not given. */
export interface PlanOptions extends ConstraintOptions {
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

/**
 * Turns the plan flags into a plan document: parse, resolve presets, call the core. Pure apart from
 * reading the built-in presets, which are data compiled into the bundle.
 */
export function planFromOptions(options: PlanOptions): PlanDocument {
  if (options.budget === undefined) {
    throw badInput('nothing to plan: --budget is missing', 'for example: llm-plan --budget 5000gpuh --gpu v100');
  }
  const budget = parseBudget(options.budget);
  const accelerator = options.gpu === undefined ? undefined : resolveById(BUILTIN_ACCELERATORS, options.gpu, 'GPU', '--gpu');
  if (!accelerator && options.precision !== undefined) {
    throw badInput('--precision needs --gpu', 'precision picks a column of the GPU datasheet: add --gpu');
  }
  if (!accelerator && options.mfu !== undefined) {
    throw badInput('--mfu needs --gpu', 'MFU turns GPU time into FLOPs; a FLOP budget does not use it');
  }
  const mfu = options.mfu === undefined ? undefined : parseMfu(options.mfu);
  const hardware = accelerator ? resolveHardware(accelerator, options.precision, mfu) : undefined;
  const price = options.price === undefined ? undefined : parsePrice(options.price);
  const compute = toCompute(budget, hardware, price);

  const ruleId = options.rule ?? DEFAULT_RULE_ID;
  const rules: Rule[] =
    ruleId.trim().toLowerCase() === ALL_RULES ? BUILTIN_RULES : [resolveRule(ruleId)];
  const lossOverride = options.loss === undefined ? undefined : resolveById(BUILTIN_LOSS_MODELS, options.loss, 'loss model', '--loss');

  const plan = createPlan(
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
    pairRulesWithLoss(rules, BUILTIN_LOSS_MODELS, lossOverride),
  );
  return applyConstraintOptions(plan, options, lossOverride ? [lossOverride, ...BUILTIN_LOSS_MODELS] : BUILTIN_LOSS_MODELS);
}

function resolveRule(id: string): Rule {
  // 'all' is a valid value of --rule too, so it belongs in the suggestions and the list.
  const choices = [...BUILTIN_RULES, { id: ALL_RULES }];
  return resolveById(choices, id, 'rule', '--rule') as Rule;
}
