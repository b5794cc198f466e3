import type { Compute } from './compute.js';
import type { Hardware } from './hardware.js';
import type { ScoredRule } from './pair-rules.js';
import type { PlanInput, RulePlan } from './plan-document.js';
import { proposeShape } from './constraints/shape.js';
import { describeExtrapolation, type Extrapolation, FAR_DECADES, formatDecades, lossDecades, summariseExtrapolation } from './extrapolation.js';
import { formatNumber } from './format.js';

/**
 * The last notes made, by scored rules: a sweep plans every row with the same rules, hardware and
 * MFU flag, and these notes depend on nothing else (not on the budget), so its rows share them.
 */
const LAST_NOTES = new WeakMap<readonly ScoredRule[], { readonly hardware: Hardware | undefined; readonly mfuGiven: boolean; readonly notes: readonly string[] }>();

/** The notes under a plan: what the loss means, what was assumed, how far the law is stretched. */
export function planNotes(input: PlanInput, hardware: Hardware | undefined, _compute: Compute, scored: readonly ScoredRule[]): string[] {
  const mfuGiven = input.mfu !== null;
  const last = LAST_NOTES.get(scored);
  if (last && last.hardware === hardware && last.mfuGiven === mfuGiven) return last.notes.slice();
  const notes = freshPlanNotes(mfuGiven, hardware, scored);
  LAST_NOTES.set(scored, { hardware, mfuGiven, notes: notes.slice() });
  return notes;
}

function freshPlanNotes(mfuGiven: boolean, hardware: Hardware | undefined, scored: readonly ScoredRule[]): string[] {
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
  if (hardware && !mfuGiven) {
    notes.push(`MFU ${hardware.mfu.toFixed(2)} assumed (well-tuned training reaches 0.40–0.50); set it with --mfu.`);
  }
  return notes;
}

/**
 * Where the rows lie against the runs behind their rule and loss model (one sentence for one row, a
 * summary for several), a warning for a loss predicted far outside its model's runs, and the shape
 * note of flops-per-token rules.
 */
export function extrapolationNotes(plans: readonly RulePlan[]): string[] {
  const notes = extrapolationSentences(plans);
  for (const row of plans) if (row.modelScale) return [...notes, ...modelScaleNotes(plans)];
  return notes;
}

/**
 * A chosen run's notes: the plan's extrapolation sentences (made from the optimum's rows) give way to
 * the run rows' own, in the same place; every other note stays.
 */
export function replaceExtrapolationNotes(notes: readonly string[], optimumRows: readonly RulePlan[], runRows: readonly RulePlan[]): string[] {
  const old = new Set(extrapolationSentences(optimumRows));
  const at = notes.findIndex((note) => old.has(note));
  const kept = notes.filter((note) => !old.has(note));
  const fresh = extrapolationSentences(runRows);
  if (at < 0) return [...kept, ...fresh];
  return [...kept.slice(0, at), ...fresh, ...kept.slice(at)];
}

/** The extrapolation sentence(s) and the far-outside warning. */
function extrapolationSentences(plans: readonly RulePlan[]): string[] {
  const [only] = plans;
  if (plans.length === 1 && only) {
    // One rule (a sweep's every row): its sentence, and the warning only when it is far outside.
    if (!only.extrapolation) return [];
    const sentence = describeExtrapolation(only.rule, only.extrapolation);
    if (!only.extrapolation.lossFarOutside) return [sentence];
  }
  const notes: string[] = [];
  const rows: Array<{ rule: string; extrapolation: Extrapolation; row: RulePlan }> = [];
  let anyFar = false;
  for (const row of plans) {
    if (!row.extrapolation) continue;
    rows.push({ rule: row.rule, extrapolation: row.extrapolation, row });
    if (row.extrapolation.lossFarOutside) anyFar = true;
  }
  const [single] = rows;
  if (rows.length === 1 && single) notes.push(describeExtrapolation(single.rule, single.extrapolation));
  else if (rows.length > 1) notes.push(summariseExtrapolation(rows));
  // Most rows of a sweep are not far outside: no more lists for them.
  if (!anyFar) return notes;
  const far = rows.filter(({ extrapolation }) => extrapolation.lossFarOutside);
  const run = far.filter(({ extrapolation }) => extrapolation.checks.some((entry) => entry.of === 'run'));
  if (run.length > 0) {
    // A chosen run: one loss per loss model, whichever rules compare it (rows differ only in their optimum).
    const byModel = new Map(run.map(({ row, extrapolation }) => [row.loss.model, `${row.loss.value.toPrecision(4)} under ${row.loss.model}, ${formatDecades(lossDecades(extrapolation))} decades out`]));
    notes.push(
      `Warning (!): the run's loss (${[...byModel.values()].join('; ')}) is predicted more than ${FAR_DECADES} decade outside the runs the model was fitted on;` +
        ' it is outside the model\'s validity, not a prediction to rely on.',
    );
  } else if (far.length > 0) {
    const which = far.map(({ row, extrapolation }) => `${row.rule} (${row.loss.value.toPrecision(4)}, ${formatDecades(lossDecades(extrapolation))} decades out)`);
    const models = [...new Set(far.map(({ row }) => row.loss.model))].join(' and ');
    notes.push(
      `Warning (!): the loss of ${which.join(', ')} lies more than ${FAR_DECADES} decade outside the runs ${models} was fitted on;` +
        ' it is outside the model\'s validity, not a prediction to rely on.',
    );
  }
  return notes;
}

/** flops-per-token rules (deepseek): the shape M_opt became parameters through. */
function modelScaleNotes(plans: readonly RulePlan[]): string[] {
  const notes: string[] = [];
  for (const row of plans) {
    if (!row.modelScale) continue;
    const scale = row.modelScale;
    const shape = proposeShape(row.params, scale.vocabSize);
    notes.push(
      `${row.rule}: M_opt = ${formatParams(scale.flopsPerToken)} non-embedding FLOPs/token becomes N through a shape with d_model/n_layer = ${formatNumber(scale.dModel / scale.nLayers)}` +
        ` (l_seq ${scale.sequenceLength}, vocabulary ${scale.vocabSize}, untied): ${formatParams(scale.nonEmbeddingParams)} + ${formatParams(scale.embeddingParams)} embedding parameters,` +
        ` a model like ${shape.nLayers} layers × d_model ${shape.dModel} (${shape.nHeads} heads). The law's own D_opt is ${formatParams(scale.lawTokens)} tokens (C = M·D); here D = C/(6N).`,
    );
  }
  return notes;
}

function formatParams(value: number): string {
  return value.toExponential(2).replace('e+', 'e');
}

