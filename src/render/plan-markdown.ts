import { formatCount, formatGrouped, formatNumber } from '../core/format.js';
import type { PlanDocument } from '../core/plan-document.js';
import { describeQuery, formatComputeFlops } from './plan-extras-table.js';
import type { Style } from './style.js';

/** Bold as Markdown; user text in the query line is escaped by `describeQuery`'s caller below. */
const MARKDOWN_STYLE: Style = { bold: (text) => `**${text}**`, dim: (text) => text, accent: (text) => text, warn: (text) => text, series: [(text) => text] };

/**
 * A plan as GitHub-flavoured Markdown, for a pull-request comment: the budget in hardware terms,
 * a table with one row per rule, and the notes as a list. Ends in a newline.
 */
export function renderPlanMarkdown(plan: PlanDocument): string {
  const { hardware, compute } = plan;
  // The query line as the table prints it ("Budget 1e23flops", "Compute for 7.00B parameters …").
  const lines: string[] = [describeQuery({ ...plan, input: { ...plan.input, budget: plan.input.budget === null ? null : escapeCell(plan.input.budget) } }, MARKDOWN_STYLE)];
  const budgetParts: string[] = [];
  if (compute.costUsd !== undefined) budgetParts.push(`$${formatGrouped(compute.costUsd)}`);
  if (compute.gpuHours !== undefined) budgetParts.push(`${formatGrouped(compute.gpuHours)} GPU-hours`);
  budgetParts.push(`${formatComputeFlops(plan)} FLOPs`, `${formatNumber(compute.pfDays)} PF-days`);
  lines[0] += ` = ${budgetParts.join(' = ')}`;
  if (hardware) {
    lines.push(
      '',
      `**Hardware** ${escapeCell(hardware.name)} · ${hardware.precision} · ${formatNumber(hardware.peakFlops / 1e12)} TFLOP/s peak` +
        ` × MFU ${hardware.mfu.toFixed(2)} = ${formatNumber(hardware.effectiveFlops / 1e12)} TFLOP/s`,
    );
  }
  lines.push('', '| rule | parameters | tokens | tokens/param | est. loss | loss model |', '|---|---:|---:|---:|---:|---|');
  for (const row of plan.plans) {
    const cells = [row.rule, formatCount(row.params), formatCount(row.tokens), formatNumber(row.tokensPerParam), row.loss.value.toFixed(3), row.loss.model];
    lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
  }
  if (plan.notes.length > 0) lines.push('', ...plan.notes.map((note) => `- ${escapeCell(note)}`));
  return `${lines.join('\n')}\n`;
}

/** Text that cannot break the table or start markup: pipes, backticks and line breaks escaped. */
export function escapeCell(text: string): string {
  return text.replace(/[\\|`*_<>[\]]/g, (character) => `\\${character}`).replace(/\r?\n/g, ' ');
}
