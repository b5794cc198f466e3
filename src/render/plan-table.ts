import { formatCount, formatGrouped, formatNumber } from '../core/format.js';
import type { PlanDocument } from '../core/plan-document.js';
import { renderGrid } from './grid.js';
import { describeQuery, formatComputeFlops, lossColumns, renderPlanExtras } from './plan-extras-table.js';
import { renderPlanSections } from './plan-sections.js';
import type { Style } from './style.js';
import { renderNotes, wrapJoined } from './wrap.js';

const widest = (text: string): number => Math.max(...text.split('\n').map((line) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length));

/**
 * The human view of a plan: what the budget is in hardware terms, then one row per rule, then the
 * notes. Returns a string ending in a newline.
 */
export function renderPlanTable(plan: PlanDocument, style: Style, width = Infinity): string {
  const lines: string[] = [];
  const { hardware, compute } = plan;
  if (hardware) {
    lines.push(
      `${style.bold(hardware.name)} · ${hardware.precision} · ${formatNumber(hardware.peakFlops / 1e12)} TFLOP/s peak` +
        ` × MFU ${hardware.mfu.toFixed(2)} = ${formatNumber(hardware.effectiveFlops / 1e12)} TFLOP/s`,
    );
  }
  const budgetParts = [describeQuery(plan, style)];
  if (compute.costUsd !== undefined) budgetParts.push(`$${formatGrouped(compute.costUsd)}`);
  if (compute.gpuHours !== undefined) budgetParts.push(`${formatGrouped(compute.gpuHours)} GPU-hours`);
  budgetParts.push(`${formatComputeFlops(plan)} FLOPs`, `${formatNumber(compute.pfDays)} PF-days`);
  lines.push(...wrapJoined(budgetParts, ' = ', width), '');

  const loss = lossColumns(plan, style);
  const rows = plan.plans.map((row) => [
    style.accent(row.rule),
    formatCount(row.params),
    formatCount(row.tokens),
    formatNumber(row.tokensPerParam),
    ...loss.cells(row),
  ]);
  const head = ['rule', 'parameters', 'tokens', 'tokens/param', ...loss.head].map(style.bold);
  const grid = renderGrid(head, rows, { alignRight: [1, 2, 3, ...loss.alignRight], maxWidth: width });
  if (loss.head.length > 1 && widest(grid) > width) {
    // --loss all on a narrow terminal: the allocation, then the loss columns, each with the rule.
    const keep = (row: readonly string[], from: number, to?: number): string[] => [row[0] ?? '', ...row.slice(from, to)];
    lines.push(renderGrid(keep(head, 1, 4), rows.map((row) => keep(row, 1, 4)), { alignRight: [1, 2, 3], maxWidth: width }));
    lines.push('', renderGrid(keep(head, 4), rows.map((row) => keep(row, 4)), { alignRight: loss.alignRight.map((index) => index - 3), maxWidth: width }));
  } else {
    lines.push(grid);
  }
  lines.push(...renderPlanExtras(plan, style, width));

  const sections = renderPlanSections(plan, style, width);
  if (sections !== '') lines.push('', sections);

  if (plan.notes.length > 0) {
    lines.push('', ...renderNotes(plan.notes, width, style.dim));
  }
  return `${lines.join('\n')}\n`;
}

