import type { ChinchillaLoss, KaplanLoss, LossModel } from '../domain/presets.js';

/**
 * Predicted loss (nats/token on the model's reference data) for N parameters trained on D tokens.
 *
 * - chinchilla form: `L = E + A/N^α + B/D^β` (Hoffmann et al. 2022, Eq. 2 / App. D.2)
 * - kaplan form: `L = [(Nc/N)^(αN/αD) + Dc/D]^αD` (Kaplan et al. 2020, Eq. 1.5)
 *
 * @example predictLoss(hoffmann2022, 2.7386e9, 5.477e10) → 2.3456
 */
export function predictLoss(model: LossModel, params: number, tokens: number): number {
  return model.form === 'chinchilla' ? chinchillaLoss(model, params, tokens) : kaplanLoss(model, params, tokens);
}

function chinchillaLoss(model: ChinchillaLoss, params: number, tokens: number): number {
  return model.E + model.A / params ** model.alpha + model.B / tokens ** model.beta;
}

function kaplanLoss(model: KaplanLoss, params: number, tokens: number): number {
  return ((model.Nc / params) ** (model.alphaN / model.alphaD) + model.Dc / tokens) ** model.alphaD;
}

/** The loss no amount of compute goes below: E for the chinchilla form, 0 for Kaplan's. */
export function irreducibleLoss(model: LossModel): number {
  return model.form === 'chinchilla' ? model.E : 0;
}
