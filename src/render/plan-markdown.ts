import { formatCount, formatGrouped, formatNumber } from '../core/format.js';
import type { PlanDocument } from '../core/plan-document.js';
import { describeQuery, formatComputeFlops, lossColumns, planExtraBlocks } from './plan-extras-table.js';
import { planSectionBlocks } from './plan-sections.js';
import type { SectionBlock } from './section-block.js';
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
  const models = plan.plans[0]?.losses ? lossColumns(plan, SECTION_STYLE) : undefined;
  const head = ['rule', 'parameters', 'tokens', 'tokens/param', ...(models ? models.head : ['est. loss', 'loss model'])];
  const body = plan.plans.map((row) => {
    // (!) marks a loss far outside its model's runs, as in the table; the notes say how far.
    const loss = models ? models.cells(row) : [`${row.loss.value.toFixed(3)}${row.extrapolation?.lossFarOutside ? ' (!)' : ''}`, row.loss.model];
    return [row.rule, formatCount(row.params), formatCount(row.tokens), formatNumber(row.tokensPerParam), ...loss];
  });
  lines.push('', ...renderMarkdownBlock([{ head, body, alignRight: [1, 2, 3, ...(models ? models.alignRight : [4])] }]));
  // Then what the terminal table shows under it (loss-model key, anchors, ranges) and its sections.
  for (const block of planExtraBlocks(plan, SECTION_STYLE)) lines.push('', ...renderMarkdownBlock(block));
  for (const block of planSectionBlocks(plan, SECTION_STYLE)) lines.push('', ...renderMarkdownBlock(block));
  if (plan.notes.length > 0) lines.push('', ...plan.notes.map((note) => `- ${escapeCell(note)}`));
  return `${lines.join('\n')}\n`;
}

// Bold is marked with control characters that survive escaping, then becomes `**…**`.
const SECTION_STYLE: Style = { bold: (text) => `\u0001${text}\u0002`, dim: (text) => text, accent: (text) => text, warn: (text) => text, series: [(text) => text] };
const markdownText = (text: string): string => escapeCell(text).replace(/\u0001/g, '**').replace(/\u0002/g, '**');

/** A section block as Markdown: text lines as paragraphs, tables as pipe tables (numbers right-aligned). */
function renderMarkdownBlock(block: SectionBlock): string[] {
  const out: string[] = [];
  for (const part of block) {
    if ('text' in part) {
      const line = markdownText(part.text.trim());
      if (line !== '') out.push(line, '');
      continue;
    }
    const row = (cells: readonly string[]): string => `| ${part.head.map((_, column) => markdownText(cells[column] ?? '')).join(' | ')} |`;
    out.push(row(part.head), `|${part.head.map((_, column) => (part.alignRight.includes(column) ? '---:' : '---')).join('|')}|`, ...part.body.map(row), '');
  }
  while (out.at(-1) === '') out.pop();
  return out;
}

/** Text that cannot break the table or start markup: pipes, backticks and line breaks escaped. */
export function escapeCell(text: string): string {
  return text.replace(/[\\|`*_<>[\]]/g, (character) => `\\${character}`).replace(/\r?\n/g, ' ');
}
