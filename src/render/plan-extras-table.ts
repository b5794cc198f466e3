import { formatCount, formatGrouped, formatNumber, formatScientific } from '../core/format.js';
import type { PlanDocument, RulePlan } from '../core/plan-document.js';
import { renderGrid } from './grid.js';
import type { Style } from './style.js';
import { wrapText } from './wrap.js';

/**
 * What the compute line starts with: the budget as typed, or the question it answers
 * (`--params`, `--tokens`, `--target-loss`).
 */
export function describeQuery(plan: PlanDocument, style: Style): string {
  const { input } = plan;
  const rule = plan.plans[0]?.rule ?? input.rule;
  if (input.model != null) return `${style.bold('Run')} ${input.model}: ${formatCount(input.params ?? 0)} parameters × ${formatCount(input.tokens ?? 0)} tokens`;
  if (input.params != null && input.tokens != null) return `${style.bold('Run')} ${formatCount(input.params)} parameters × ${formatCount(input.tokens)} tokens`;
  if (input.booking != null) {
    const { gpus, hours } = input.booking;
    const length = hours % 24 === 0 ? `${formatGrouped(hours / 24)} days` : `${formatNumber(hours)} hours`;
    return `${style.bold('Booked')} ${formatGrouped(gpus)} GPUs × ${length}`;
  }
  if (input.params != null) return `${style.bold('Compute')} for ${formatCount(input.params)} parameters (${rule})`;
  if (input.tokens != null) return `${style.bold('Compute')} for ${formatCount(input.tokens)} tokens (${rule})`;
  if (input.targetLoss != null) {
    return `${style.bold('Compute')} for loss ${input.targetLoss.toFixed(3)} (${rule}, ${plan.plans[0]?.loss.model ?? 'loss model'})`;
  }
  return `${style.bold('Budget')} ${input.budget ?? ''}`;
}

/**
 * FLOPs on the compute line. An answer to an inverse query is printed with six significant digits
 * so that passing it back as --budget reproduces the plan (the loss to about 1e-6). A booking and a
 * chosen run answer no such question: three significant figures, the policy everywhere else (issue 11).
 */
export function formatComputeFlops(plan: PlanDocument): string {
  const { input } = plan;
  const chosenRun = input.params != null && input.tokens != null;
  if (input.budget != null || input.booking != null || chosenRun) return formatScientific(plan.compute.flops);
  const six = Number(plan.compute.flops.toPrecision(6));
  const text = six.toExponential().replace('e+', 'e');
  // Never fewer than three significant figures (1.2e24 → 1.20e24), the policy everywhere else.
  return (text.split('e')[0] ?? '').replace(/[-.]/g, '').length >= 3 ? text : formatScientific(six);
}

/** The loss columns: one `est. loss` column, or with `--loss all` one per model (`*` = the primary). */
export function lossColumns(plan: PlanDocument, style: Style): { head: string[]; cells: (row: RulePlan) => string[]; alignRight: number[] } {
  const models = plan.plans[0]?.losses?.map((entry) => entry.model);
  // (!) marks a loss predicted far outside its model's runs; the notes say how far.
  const mark = (row: RulePlan): string => (row.extrapolation?.lossFarOutside ? ` ${style.bold('(!)')}` : '');
  if (!models) return { head: ['est. loss'], cells: (row) => [`${row.loss.value.toFixed(3)} ${style.dim(row.loss.model)}${mark(row)}`], alignRight: [] };
  const primary = plan.plans[0]?.loss.model;
  return {
    head: models.map((model) => (model === primary ? `${model}*` : model)),
    cells: (row) => models.map((model) => (row.losses?.find((entry) => entry.model === model)?.value.toFixed(3) ?? '—') + (model === primary ? mark(row) : '')),
    // Loss columns follow rule, parameters, tokens and tokens/param.
    alignRight: models.map((_, index) => 4 + index),
  };
}

/** Lines below the grid: the anchor of each re-anchored rule, then each plan's range. */
export function renderPlanExtras(plan: PlanDocument, style: Style, width = Infinity): string[] {
  const lines: string[] = [];
  if (plan.plans[0]?.losses) lines.push('', style.dim('*primary loss model: the one in plans[].loss of --json'));
  for (const row of plan.plans) {
    if (row.anchor?.source === 'baseline') {
      lines.push(
        '',
        `${style.accent(row.rule)} anchored at your run: ${formatCount(row.anchor.params)} parameters on ${formatCount(row.anchor.tokens)} tokens` +
          ` (${formatScientific(row.anchor.flops)} FLOPs), exponent a = ${formatNumber(row.paramsExponent)}`,
      );
    }
  }
  for (const row of plan.plans) {
    if (row.range) lines.push('', ...renderRange(row, style, width));
  }
  return lines;
}

function renderRange(row: RulePlan, style: Style, width: number): string[] {
  const range = row.range;
  if (!range) return [];
  const span = ([low, high]: readonly [number, number], format: (value: number) => string): string => `${format(low)} – ${format(high)}`;
  const loss = (value: number): string => value.toFixed(3);
  const basis =
    range.basis === 'bootstrap' && range.bootstrap
      ? `${Math.round(range.bootstrap.confidence * 100)}% bootstrap interval over ${range.bootstrap.draws} refits`
      : 'across published variants';
  const fixedText = { params: `parameters fixed at ${formatCount(range.params[0])}`, tokens: `tokens fixed at ${formatCount(range.tokens[0])}`, loss: `loss fixed at ${loss(range.loss[0])}` };
  const spans = [
    ...(range.fixed === 'params' ? [] : [`parameters ${span(range.params, formatCount)}`]),
    ...(range.fixed === 'tokens' ? [] : [`tokens ${span(range.tokens, formatCount)}`]),
    ...(range.flops ? [`compute ${span(range.flops, (value) => formatScientific(value))} FLOPs`] : []),
    ...(range.fixed === 'loss' ? [] : [`loss ${span(range.loss, loss)}`]),
  ];
  // Wrapped as plain text, then the first two words styled (they never move to a later line).
  const [head = '', ...more] = wrapText(`Range of ${row.rule} ${basis}${range.fixed ? ` (${fixedText[range.fixed]})` : ''}: ${spans.join(', ')}`, width);
  const lines = [head.replace(/^Range of (\S+)/, (_, rule: string) => `${style.bold('Range')} of ${style.accent(rule)}`), ...more];
  if (range.variants.length > 0) {
    const withFlops = range.fixed !== undefined;
    const rows = range.variants.map((variant) => [
      variant.name,
      formatCount(variant.params),
      formatCount(variant.tokens),
      ...(withFlops ? [variant.flops === undefined ? '—' : formatScientific(variant.flops)] : []),
      loss(variant.loss),
    ]);
    const columns = ['variant', 'parameters', 'tokens', ...(withFlops ? ['FLOPs'] : []), 'est. loss'];
    lines.push(renderGrid(columns.map(style.dim), rows, { alignRight: columns.map((_, index) => index).slice(1), maxWidth: width - 2 }).replace(/^/gm, '  '));
  }
  return lines;
}
