import type { RealModel } from '../domain/architecture.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';
import { predictLoss } from './loss.js';
import type { ScoredRule } from './pair-rules.js';
import { allocate } from './rules.js';

export const MODELS_SCHEMA_ID = 'llm-plan/models@1';

/** How far a real run is from one rule's compute-optimal split of the same compute. */
export interface RunAgainstRule {
  readonly rule: string;
  /** The rule's N_opt and D_opt at the run's compute. */
  readonly optimalParams: number;
  readonly optimalTokens: number;
  /** N / N_opt: above 1 the run is larger (and shorter-trained) than the rule's optimum, below 1 smaller and longer-trained. */
  readonly paramsRatio: number;
}

/** One real training run (presets/models.json) placed next to the rules. */
export interface RealRun {
  readonly id: string;
  readonly name: string;
  readonly year: number;
  readonly params: number;
  readonly tokens: number;
  /** The paper's own training FLOPs where it gives them, else 6·N·D. */
  readonly flops: number;
  readonly flopsBasis: 'paper' | '6ND';
  readonly tokensPerParam: number;
  /** The run's loss under the scoring model (reference-data loss; not the run's own). */
  readonly loss: { readonly model: string; readonly value: number };
  readonly rules: readonly RunAgainstRule[];
  readonly source: string;
}

/** The `llm-plan/models@1` document. */
export interface ModelsDocument {
  readonly schema: typeof MODELS_SCHEMA_ID;
  readonly input: { readonly rule: string; readonly loss: string | null };
  readonly models: readonly RealRun[];
  readonly notes: readonly string[];
}

/**
 * Each real run against each rule: its compute (the paper's figure where given, as reference/models.md
 * says, else 6·N·D), tokens per parameter, and N/N_opt under every rule at that compute.
 *
 * @example Chinchilla (70B, 1.4T, 5.76e23 FLOPs) under deepmind: N_opt = 70e9·(5.76e23/5.88e23)^0.5 = 69.28e9, N/N_opt = 1.010
 */
export function compareRuns(models: readonly RealModel[], scored: readonly ScoredRule[]): RealRun[] {
  return models.map((model) => {
    const flops = model.paperFlops ?? SIX * model.params * model.tokens;
    const first = scored[0];
    return {
      id: model.id,
      name: model.name,
      year: model.year,
      params: model.params,
      tokens: model.tokens,
      flops,
      flopsBasis: model.paperFlops === undefined ? '6ND' : 'paper',
      tokensPerParam: model.tokens / model.params,
      loss: first ? { model: first.loss.id, value: predictLoss(first.loss, model.params, model.tokens) } : { model: '', value: Number.NaN },
      rules: scored.map(({ rule, loss }) => {
        const optimum = allocate(rule, flops, loss);
        return { rule: rule.id, optimalParams: optimum.params, optimalTokens: optimum.tokens, paramsRatio: model.params / optimum.params };
      }),
      source: model.source,
    };
  });
}

/** The notes under the models table. */
export function modelsNotes(scored: readonly ScoredRule[]): string[] {
  const loss = scored[0]?.loss;
  return [
    "Compute is the paper's own figure where it gives one (marked *), else 6·N·D; each rule's N_opt is its optimum at that compute.",
    'N/N_opt above 1: a larger model on fewer tokens than the rule would pick; below 1: smaller and trained longer (cheaper to serve).',
    ...(loss ? [`loss in --json is ${loss.id}'s prediction on ${loss.dataset}, not the run's own loss on its data.`] : []),
  ];
}
