import { formatCount, formatGrouped, formatNumber, formatScientific } from '../core/format.js';
import type { PlanDocument } from '../core/plan-document.js';
import { renderGrid } from './grid.js';
import type { Style } from './style.js';
import { renderNotes } from './wrap.js';

/**
 * The human view of a sweep: the hardware line, one row per (budget, rule), then the notes of all
 * rows without repeats. Returns a string ending in a newline.
 */
export function renderSweepTable(rows: readonly PlanDocument[], style: Style, width = Infinity): string {
  const first = rows[0];
  if (!first) return '';
  const lines: string[] = [];
  const { hardware } = first;
  if (hardware) {
    lines.push(`${style.bold(hardware.name)} · ${hardware.precision} · MFU ${hardware.mfu.toFixed(2)} = ${formatNumber(hardware.effectiveFlops / 1e12)} TFLOP/s`, '');
  }
  const withGpuHours = first.compute.gpuHours !== undefined;
  const withCost = first.compute.costUsd !== undefined;
  const lossModels = first.plans[0]?.losses?.map((entry) => entry.model);
  // One scoring model for every row (the notes name it): the cells carry the number only.
  const sharedModel = new Set(rows.flatMap((row) => row.plans.map((plan) => plan.loss.model))).size === 1;
  const head = [
    ...(withCost ? ['cost'] : []),
    ...(withGpuHours ? ['GPU-hours'] : []),
    'FLOPs',
    'rule',
    'parameters',
    'tokens',
    'tokens/param',
    ...(lossModels ?? ['est. loss']),
  ];
  const body = rows.flatMap((row) =>
    row.plans.map((plan) => [
      ...(withCost ? [`$${formatGrouped(row.compute.costUsd ?? 0)}`] : []),
      ...(withGpuHours ? [formatGrouped(row.compute.gpuHours ?? 0)] : []),
      formatScientific(row.compute.flops),
      style.accent(plan.rule),
      formatCount(plan.params),
      formatCount(plan.tokens),
      formatNumber(plan.tokensPerParam),
      ...(lossModels
        ? lossModels.map((model) => plan.losses?.find((entry) => entry.model === model)?.value.toFixed(3) ?? '—')
        : [sharedModel ? plan.loss.value.toFixed(3) : `${plan.loss.value.toFixed(3)} ${style.dim(plan.loss.model)}`]),
    ]),
  );
  const numeric = head.map((_, index) => index).filter((index) => head[index] !== 'rule' && head[index] !== 'est. loss');
  lines.push(renderGrid(head.map(style.bold), body, { alignRight: numeric, maxWidth: width }));
  const notes = [...new Set(rows.flatMap((row) => row.notes))];
  if (lossModels) notes.unshift(`Loss columns: each row scored by every model; plans[].loss in --json is ${first.plans[0]?.loss.model}'s.`);
  if (notes.length > 0) lines.push('', ...renderNotes(notes, width, style.dim));
  return `${lines.join('\n')}\n`;
}
