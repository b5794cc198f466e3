import type { PlanDocument } from '../core/plan-document.js';

/**
 * A plan as CSV (RFC 4180): a header, then one row per rule with the budget and hardware repeated,
 * so each row stands alone in a spreadsheet or `sort`. Numbers are plain base units, as in the JSON;
 * a field that does not apply is empty.
 */
export function renderPlanCsv(plan: PlanDocument): string {
  const { input, hardware, compute } = plan;
  const columns: Array<[string, (row: PlanDocument['plans'][number]) => string | number | null | undefined]> = [
    ['rule', (row) => row.rule],
    ['params', (row) => row.params],
    ['tokens', (row) => row.tokens],
    ['tokens_per_param', (row) => row.tokensPerParam],
    ['flops', (row) => row.flops],
    ['params_exponent', (row) => row.paramsExponent],
    ['loss_model', (row) => row.loss.model],
    ['loss', (row) => row.loss.value],
    ['budget', () => input.budget],
    ['gpu', () => hardware?.id],
    ['precision', () => hardware?.precision],
    ['mfu', () => hardware?.mfu],
    ['effective_flops_per_second', () => hardware?.effectiveFlops],
    ['compute_flops', () => compute.flops],
    ['pf_days', () => compute.pfDays],
    ['gpu_hours', () => compute.gpuHours],
    ['cost_usd', () => compute.costUsd],
  ];
  const lines = [columns.map(([name]) => name), ...plan.plans.map((row) => columns.map(([, value]) => csvField(value(row))))];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}

/** One CSV field: numbers as JavaScript prints them (round-trip exact), text quoted when it must be. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`refusing to print a non-finite number (${value}) in CSV`);
    return String(value);
  }
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
