import { parseBudget, type Budget } from '../core/budget.js';
import { badInput } from '../domain/errors.js';
import { parseTargetLoss, type InverseQuery } from '../core/inverse.js';
import { parsePositiveQuantity } from '../domain/si.js';

/** What a plan starts from: a budget, or one of the inverse queries. */
export type PlanQuery = { readonly kind: 'budget'; readonly budget: Budget } | InverseQuery;

/** The flags that each fix a plan on their own; exactly one may be given. */
export interface QueryOptions {
  readonly budget?: string;
  readonly params?: string;
  readonly tokens?: string;
  readonly targetLoss?: string;
}

const QUERY_FLAGS = [
  ['budget', '--budget'],
  ['params', '--params'],
  ['tokens', '--tokens'],
  ['targetLoss', '--target-loss'],
] as const;

/**
 * Reads which question the user asked. Exactly one of --budget, --params, --tokens, --target-loss:
 * any one of them, with the rule, fixes the others.
 */
export function readPlanQuery(options: QueryOptions): PlanQuery {
  const given = QUERY_FLAGS.filter(([key]) => options[key] !== undefined);
  if (given.length === 0) {
    throw badInput(
      'nothing to plan: give one of --budget, --params, --tokens or --target-loss',
      'for example: llm-plan --budget 5000gpuh --gpu v100, or llm-plan --params 7e9',
    );
  }
  if (given.length > 1) {
    throw badInput(
      `give only one of --budget, --params, --tokens and --target-loss, got ${given.map(([, flag]) => flag).join(' and ')}`,
      'any one of them, with the rule, fixes the others',
    );
  }
  if (options.params !== undefined) return { kind: 'params', params: parsePositiveQuantity(options.params, '--params') };
  if (options.tokens !== undefined) return { kind: 'tokens', tokens: parsePositiveQuantity(options.tokens, '--tokens', '2T, 300B or 1.4e12') };
  if (options.targetLoss !== undefined) return { kind: 'target-loss', loss: parseTargetLoss(options.targetLoss) };
  const budget = options.budget ?? '';
  if (budget.includes('..')) {
    throw badInput(`--budget takes one budget, and '${budget}' is a range`, `to plan across it: llm-plan sweep --budget ${budget} --steps 7`);
  }
  return { kind: 'budget', budget: parseBudget(budget) };
}
