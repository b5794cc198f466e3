import type { PlanDocument } from '../core/plan-document.js';

/**
 * CSV of a sweep: one header, then one line per (budget, rule) with plain numbers in base units
 * (RFC 4180 quoting). The columns follow the first row: GPU-hours and cost only when known, one
 * `loss:<model>` column per model with `--loss all`.
 */
export interface SweepCsvColumns {
  readonly gpuHours: boolean;
  readonly costUsd: boolean;
  readonly lossModels: readonly string[];
}

/** The columns a sweep's rows have, read from its first row. */
export function sweepCsvColumns(first: PlanDocument): SweepCsvColumns {
  return {
    gpuHours: first.compute.gpuHours !== undefined,
    costUsd: first.compute.costUsd !== undefined,
    lossModels: first.plans[0]?.losses?.map((entry) => entry.model) ?? [],
  };
}

/** The header line. */
export function renderSweepCsvHeader(columns: SweepCsvColumns): string {
  const names = [
    'budget',
    'flops',
    'pfDays',
    ...(columns.gpuHours ? ['gpuHours'] : []),
    ...(columns.costUsd ? ['costUsd'] : []),
    'rule',
    'params',
    'tokens',
    'tokensPerParam',
    'lossModel',
    'loss',
    ...columns.lossModels.map((model) => `loss:${model}`),
  ];
  return `${names.map(quoteCsv).join(',')}\n`;
}

/** The lines of one sweep row: one per rule. */
export function renderSweepCsvRows(row: PlanDocument, columns: SweepCsvColumns): string {
  const { compute } = row;
  const shared = [
    quoteCsv(row.input.budget ?? ''),
    csvNumber(compute.flops),
    csvNumber(compute.pfDays),
    ...(columns.gpuHours ? [csvNumber(compute.gpuHours)] : []),
    ...(columns.costUsd ? [csvNumber(compute.costUsd)] : []),
  ].join(',');
  let text = '';
  for (const plan of row.plans) {
    const losses = columns.lossModels.map((model) => csvNumber(plan.losses?.find((entry) => entry.model === model)?.value));
    text += `${[shared, quoteCsv(plan.rule), csvNumber(plan.params), csvNumber(plan.tokens), csvNumber(plan.tokensPerParam), quoteCsv(plan.loss.model), csvNumber(plan.loss.value), ...losses].join(',')}\n`;
  }
  return text;
}

function csvNumber(value: number | undefined): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) throw new TypeError(`refusing to print a non-finite number (${value}) in CSV`);
  return String(value);
}

/** RFC 4180: quote a field that holds a comma, a quote or a line break; double inner quotes. */
function quoteCsv(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
