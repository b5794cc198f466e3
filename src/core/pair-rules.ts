import type { LossModel, Rule } from '../domain/presets.js';

/**
 * The loss model that scores every row when several rules are compared and `--loss` is not given:
 * the Epoch AI refit (issue 2), fitted on the most runs with published standard errors.
 */
export const COMPARISON_LOSS_ID = 'besiroglu2024';

export interface ScoredRule {
  readonly rule: Rule;
  readonly loss: LossModel;
}

/**
 * Pairs each rule with the loss model that scores it: `--loss` when given; otherwise, when several
 * rules are compared, one shared model (so the column is comparable); otherwise the rule's default.
 */
export function pairRulesWithLoss(
  rules: readonly Rule[],
  lossModels: readonly LossModel[],
  lossOverride: LossModel | undefined,
): ScoredRule[] {
  const byId = (id: string): LossModel => {
    const found = lossModels.find((model) => model.id === id);
    if (!found) throw new Error(`preset error: loss model '${id}' is referenced but not defined`);
    return found;
  };
  const shared = lossOverride ?? (rules.length > 1 ? byId(COMPARISON_LOSS_ID) : undefined);
  return rules.map((rule) => ({ rule, loss: shared ?? byId(rule.defaultLoss) }));
}
