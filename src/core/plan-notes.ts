import type { Compute } from './compute.js';
import type { Hardware } from './hardware.js';
import type { ScoredRule } from './pair-rules.js';
import type { PlanInput } from './plan-document.js';

// Chinchilla's runs span about 6e18–3e21 FLOPs (shared/data), its largest model 5.76e23; Kaplan's
// fits reach about 1e21. Far outside this band every law here is an extrapolation.
export const FITTED_FLOPS_LOW = 1e18;
export const FITTED_FLOPS_HIGH = 1e25;

/** The notes under a plan: what the loss means, what was assumed, how far the law is stretched. */
export function planNotes(input: PlanInput, hardware: Hardware | undefined, compute: Compute, scored: readonly ScoredRule[]): string[] {
  const notes: string[] = [];
  const models = [...new Map(scored.map(({ loss }) => [loss.id, loss])).values()];
  for (const model of models) {
    notes.push(
      `Loss is ${model.id}'s prediction in nats/token on ${model.dataset}; it does not transfer to other data or tokenizers.`,
    );
    if (model.parameterCount === 'non-embedding') {
      notes.push(`${model.id} was fitted on non-embedding parameters; the plan's N is used as is.`);
    }
  }
  if (scored.length > 1) {
    const shared = models.length === 1 && models[0] ? models[0].id : 'the chosen model';
    notes.push(`Every row is scored by ${shared} so the loss column is comparable.`);
  }
  if (hardware && input.mfu === null) {
    notes.push(`MFU ${hardware.mfu.toFixed(2)} assumed (well-tuned training reaches 0.40–0.50); set it with --mfu.`);
  }
  if (compute.flops < FITTED_FLOPS_LOW || compute.flops > FITTED_FLOPS_HIGH) {
    notes.push('This budget is far outside the range the published laws were fitted on; treat the plan as an extrapolation.');
  }
  return notes;
}
