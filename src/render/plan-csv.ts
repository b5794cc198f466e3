import type { PlanDocument } from '../core/plan-document.js';

type Row = PlanDocument['plans'][number];
type Field = string | number | boolean | null | undefined;

/**
 * The sections the flags ask for, in the table's order; each becomes columns named by its path in
 * `plans[]` of --json (`time.gpuHours`, `layout.chosen.tp`, `memory.split.weights`). Lists of
 * objects (layout alternatives, range variants, extrapolation checks) stay in --json only.
 */
const CSV_SECTIONS = [
  'comparison',
  'architecture',
  'flopsPerToken',
  'layout',
  'memory',
  'time',
  'cost',
  'shape',
  'hyperparams',
  'dataConstrained',
  'inference',
  'range',
  'extrapolation',
] as const satisfies ReadonlyArray<keyof Row>;

/** `value` flattened to `[path, scalar]` pairs: objects by key, lists of scalars by index. */
function flatten(path: string, value: unknown, out: Map<string, Field>): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object') {
    out.set(path, value as Field);
    return;
  }
  if (Array.isArray(value)) {
    if (value.some((item) => item !== null && typeof item === 'object')) return;
    value.forEach((item, index) => out.set(`${path}.${index}`, item as Field));
    return;
  }
  for (const [key, item] of Object.entries(value)) flatten(`${path}.${key}`, item, out);
}

/**
 * A plan as CSV (RFC 4180): a header, then one row per rule with the budget and hardware repeated,
 * so each row stands alone in a spreadsheet or `sort`. Numbers are plain base units, as in the JSON;
 * a field that does not apply is empty. The requested sections follow as columns (see CSV_SECTIONS).
 */
export function renderPlanCsv(plan: PlanDocument): string {
  const { input, hardware, compute } = plan;
  const columns: Array<[string, (row: Row) => Field]> = [
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
  const sectionFields = plan.plans.map((row) => {
    const fields = new Map<string, Field>();
    for (const section of CSV_SECTIONS) flatten(section, row[section], fields);
    return fields;
  });
  // The union over the rows, in first-seen order: a section one rule lacks is empty on its row.
  const names = [...new Set(sectionFields.flatMap((fields) => [...fields.keys()]))];
  columns.push(...names.map((name): [string, (row: Row) => Field] => [name, (row) => sectionFields[plan.plans.indexOf(row)]?.get(name)]));
  const lines = [columns.map(([name]) => name), ...plan.plans.map((row) => columns.map(([, value]) => csvField(value(row))))];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}

/** One CSV field: numbers as JavaScript prints them (round-trip exact), text quoted when it must be. */
export function csvField(value: Field): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`refusing to print a non-finite number (${value}) in CSV`);
    return String(value);
  }
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
