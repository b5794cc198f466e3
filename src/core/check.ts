import type { LossModel, Rule } from '../domain/presets.js';
import type { CheckDocument, CheckResult, Violation } from '../domain/schemas/check.js';
import { formatCount, formatNumber, formatScientific } from './format.js';
import { predictLoss } from './loss.js';
import { allocate } from './rules.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';

export const CHECK_SCHEMA_ID = 'llm-plan/check@1';

/** Allowed |N/N_opt − 1| when a config does not set `tolerance` (issue 3). */
export const DEFAULT_TOLERANCE = 0.25;

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
}

/** One config of a check file, resolved: numbers in base units, presets looked up. */
export interface CheckTarget {
  readonly index: number;
  readonly name: string;
  readonly params: number;
  readonly tokens: number;
  /** The rule whose optimum the config is compared with. */
  readonly rule: Rule;
  /** The loss model that predicts the config's loss. */
  readonly loss: LossModel;
  /** The budget in FLOPs, and as the user wrote it. */
  readonly budget?: { readonly flops: number; readonly text: string } | undefined;
  readonly limits: CheckLimits;
}

/**
 * Checks one training config against its rule and limits (issue 3):
 * - over-budget: `6·N·D > budget × (1 + budgetTolerance)`
 * - off-optimum: `|N/N_opt − 1| > tolerance`, with N_opt the rule's allocation of the same 6·N·D
 * - tokens-per-param-low/high: D/N outside [minTokensPerParam, maxTokensPerParam]
 * - loss-above-max: the loss model's prediction for (N, D) above maxLoss
 * - flops-above-max: 6·N·D above maxFlops (e.g. 1e25, the EU AI Act's systemic-risk threshold)
 */
export function checkConfig(target: CheckTarget): CheckResult {
  const { params, tokens, rule, loss, limits } = target;
  const flops = SIX * params * tokens;
  const tokensPerParam = tokens / params;
  const optimum = allocate(rule, flops, loss);
  const lossValue = predictLoss(loss, params, tokens);
  const shape = `${formatCount(params)} params on ${formatCount(tokens)} tokens`;
  const violations: Violation[] = [];

  if (target.budget) {
    const limit = target.budget.flops * (1 + limits.budgetTolerance);
    if (flops > limit) {
      const over = flops / target.budget.flops - 1;
      violations.push({
        code: 'over-budget',
        reason:
          `6·N·D = ${formatScientific(flops)} FLOPs is ${percent(over)} over the budget ${target.budget.text} (${formatScientific(target.budget.flops)} FLOPs)` +
          (limits.budgetTolerance > 0 ? `; allowed +${percent(limits.budgetTolerance)}` : ''),
        value: flops,
        limit,
      });
    }
  }

  const deviation = Math.abs(params / optimum.params - 1);
  if (deviation > limits.tolerance) {
    violations.push({
      code: 'off-optimum',
      reason:
        `${shape} (${formatNumber(tokensPerParam)} tokens/param) is ${formatNumber(params / optimum.params)}× the ${rule.id} optimum` +
        ` for ${formatScientific(flops)} FLOPs: ${formatCount(optimum.params)} params on ${formatCount(optimum.tokens)} tokens` +
        ` (${formatNumber(optimum.tokens / optimum.params)} tokens/param); allowed ±${percent(limits.tolerance)}`,
      value: deviation,
      limit: limits.tolerance,
    });
  }

  if (limits.minTokensPerParam !== undefined && tokensPerParam < limits.minTokensPerParam) {
    violations.push({
      code: 'tokens-per-param-low',
      reason: `${formatNumber(tokensPerParam)} tokens/param (${shape}) is below minTokensPerParam ${formatNumber(limits.minTokensPerParam)}`,
      value: tokensPerParam,
      limit: limits.minTokensPerParam,
    });
  }
  if (limits.maxTokensPerParam !== undefined && tokensPerParam > limits.maxTokensPerParam) {
    violations.push({
      code: 'tokens-per-param-high',
      reason: `${formatNumber(tokensPerParam)} tokens/param (${shape}) is above maxTokensPerParam ${formatNumber(limits.maxTokensPerParam)}`,
      value: tokensPerParam,
      limit: limits.maxTokensPerParam,
    });
  }
  if (limits.maxLoss !== undefined && lossValue > limits.maxLoss) {
    violations.push({
      code: 'loss-above-max',
      reason: `predicted loss ${lossValue.toFixed(3)} (${loss.id}) for ${shape} is above maxLoss ${limits.maxLoss}`,
      value: lossValue,
      limit: limits.maxLoss,
    });
  }
  if (limits.maxFlops !== undefined && flops > limits.maxFlops) {
    violations.push({
      code: 'flops-above-max',
      reason: `6·N·D = ${formatScientific(flops)} FLOPs is above maxFlops ${formatScientific(limits.maxFlops)}`,
      value: flops,
      limit: limits.maxFlops,
    });
  }

  return {
    index: target.index,
    name: target.name,
    passed: violations.length === 0,
    params,
    tokens,
    tokensPerParam,
    flops,
    rule: rule.id,
    optimalParams: optimum.params,
    optimalTokens: optimum.tokens,
    loss: { model: loss.id, value: lossValue },
    budgetFlops: target.budget?.flops ?? null,
    violations,
  };
}

/** The `llm-plan/check@1` document for a file's results. */
export function createCheckDocument(file: string, results: readonly CheckResult[]): CheckDocument {
  const passed = results.filter((result) => result.passed).length;
  return {
    schema: CHECK_SCHEMA_ID,
    file,
    passed: passed === results.length,
    summary: { configs: results.length, passed, failed: results.length - passed },
    results: [...results],
  };
}

/** 0.25 → '25%', 0.1234 → '12.3%'. */
function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))}%`;
}
