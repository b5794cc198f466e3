import { parseBaseline, reanchorRule, type Anchor } from '../core/baseline.js';
import { parsePrice, toCompute, type Compute } from '../core/compute.js';
import { badInput } from '../core/errors.js';
import { parseMfu, resolveHardware, type Hardware } from '../core/hardware.js';
import { flopsForQuery, type InverseQuery } from '../core/inverse.js';
import { addPlanExtras, type PlanExtraOptions } from '../core/plan-extras.js';
import { createPlan, pairRulesWithLoss, type PlanDocument, type PlanInput, type ScoredRule } from '../core/plan.js';
import { resolveById } from '../core/resolve.js';
import type { LossModel, Rule } from '../presets/schemas.js';
import { BUILTIN_ACCELERATORS, BUILTIN_LOSS_MODELS, BUILTIN_RULES } from '../presets/builtin.js';
import { readPlanQuery } from './plan-query.js';

/** The plan flags as commander hands them over: strings, undefined where not given. */
export interface PlanOptions {
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
 * Turns the plan flags into a plan document: parse, resolve presets, call the core. Pure apart from
 * reading the built-in presets, which are data compiled into the bundle.
 */
export function planFromOptions(options: PlanOptions): PlanDocument {
  const query = readPlanQuery(options);
  const setup = resolvePlanSetup(options);
  const compute = query.kind === 'budget' ? toCompute(query.budget, setup.hardware, setup.price) : computeForQuery(query, setup);
  return planForCompute(setup, compute, {
    budget: options.budget ?? null,
    params: query.kind === 'params' ? query.params : null,
    tokens: query.kind === 'tokens' ? query.tokens : null,
    targetLoss: query.kind === 'target-loss' ? query.loss : null,
  });
}

/** The plan document for one compute under a resolved setup (one row of a sweep, or a plan). */
export function planForCompute(setup: PlanSetup, compute: Compute, query: Pick<PlanInput, 'budget' | 'params' | 'tokens' | 'targetLoss'>): PlanDocument {
  // DESIGN §4's key order (budget first), then the fields added since.
  const { gpu, precision, mfu, rule, loss, price, baseline } = setup.input;
  const input: PlanInput = { budget: query.budget, gpu, precision, mfu, rule, loss, price, params: query.params, tokens: query.tokens, targetLoss: query.targetLoss, baseline };
  return addPlanExtras(createPlan(input, setup.hardware, compute, setup.scored), setup.scored, setup.extras);
}

/** Resolves everything but the budget: GPU, price, rules (re-anchored at --baseline), loss models. */
export function resolvePlanSetup(options: Omit<PlanOptions, 'budget' | 'params' | 'tokens' | 'targetLoss'>): PlanSetup {
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

  const ruleId = options.rule ?? DEFAULT_RULE_ID;
  const rules: Rule[] =
    ruleId.trim().toLowerCase() === ALL_RULES ? BUILTIN_RULES : [resolveRule(ruleId)];
  const scoreAll = options.loss !== undefined && options.loss.trim().toLowerCase() === ALL_LOSSES;
  const lossOverride = options.loss === undefined || scoreAll ? undefined : resolveLoss(options.loss);
  const baseline = options.baseline === undefined ? undefined : parseBaseline(options.baseline);
  const scored = pairRulesWithLoss(anchorRules(rules, baseline), BUILTIN_LOSS_MODELS, lossOverride);

  return {
    hardware,
    price,
    scored,
    extras: { baseline, range: options.range ?? false, scoreUnder: scoreAll ? scoringModels(scored) : undefined, lossModels: BUILTIN_LOSS_MODELS },
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

/** Every built-in loss model, and the plans' own model first if it is not one of them. */
function scoringModels(scored: readonly ScoredRule[]): LossModel[] {
  const extra = scored.map(({ loss }) => loss).filter((model) => !BUILTIN_LOSS_MODELS.includes(model));
  return [...new Set([...extra, ...BUILTIN_LOSS_MODELS])];
}

function resolveRule(id: string): Rule {
  // 'all' is a valid value of --rule too, so it belongs in the suggestions and the list.
  const choices = [...BUILTIN_RULES, { id: ALL_RULES }];
  return resolveById(choices, id, 'rule', '--rule') as Rule;
}

function resolveLoss(id: string): LossModel {
  const choices = [...BUILTIN_LOSS_MODELS, { id: ALL_LOSSES }];
  return resolveById(choices, id, 'loss model', '--loss') as LossModel;
}
