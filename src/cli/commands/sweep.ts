import type { Command } from 'commander';
import { commandSummary } from './summaries.js';
import { badInput } from '../../domain/errors.js';
import type { SweepRequest } from '../../domain/request.js';
import type { PlanDocument } from '../../core/plan-document.js';
import { SWEEP_SCHEMA_ID } from '../../core/sweep.js';
import type { Style } from '../../render/style.js';
import { styleFor, widthFor, type CommandContext, type OutputOptions } from '../context.js';
import type { PlanOptions } from '../../request/plan.js';
import { prepareSweep, type SweepInput } from '../../request/sweep.js';
import type { CliIo } from '../io.js';
import { loadCatalog } from '../load-catalog.js';
import { streamStdout, writeLines, writeRows } from '../stream-output.js';
import { addOutputOptions } from './shared-options.js';
import { addExamples } from '../help.js';

type SweepOptions = Omit<PlanOptions, 'params' | 'tokens' | 'targetLoss' | 'range'> &
  OutputOptions & { readonly steps: string; readonly format?: string; readonly allowOverride?: boolean };

const SWEEP_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
type SweepFormat = (typeof SWEEP_FORMATS)[number];

/** `llm-plan sweep --budget 1e3gpuh..1e6gpuh --steps 7 --gpu h100`: one plan per log-spaced budget. */
export function registerSweepCommand(program: Command, { io }: CommandContext): void {
  const command = addExamples(program.command('sweep').description(commandSummary('sweep')), io, [
    ['llm-plan sweep --budget 1e3gpuh..1e6gpuh --steps 7 --gpu h100', 'seven budgets from 1,000 to 1,000,000 GPU-hours'],
    ['llm-plan sweep --budget 1e21..1e25flops --rule all', 'every rule at each budget'],
    ['llm-plan sweep --budget 1e21..1e25flops --format csv', 'one CSV row per (budget, rule), base units'],
  ])
    .option('-b, --budget <LO..HI>', 'range of budgets, any budget unit: 1e3gpuh..1e6gpuh, 1e21..1e25flops, $10k..$1M')
    .option('--steps <count>', 'number of budgets, log-spaced, both ends included (at least 2)', '7')
    .option('-g, --gpu <id>', "accelerator preset id or alias (see 'llm-plan gpus')")
    .option('--precision <precision>', 'training precision: fp32, tf32, fp16, bf16, fp8 (default bf16, else fp16)')
    .option('--mfu <fraction>', 'model FLOPs utilisation in (0, 1], or a percentage (default 0.40)')
    .option('-r, --rule <id>', 'scaling rule (llm-plan rules), or all (default deepmind)')
    .option('-l, --loss <id>', 'loss model that scores the plans: hoffmann2022, hoffmann2022-unrounded, besiroglu2024, kaplan2020, or all')
    .option('--price <usd>', 'price in USD per GPU-hour (needed for a $ range; adds the cost)')
    .option('--baseline <N:D>', 'anchor power-law rules at your own run of N parameters on D tokens (1B:20B)')
    .option('--format <format>', 'output: table, json, ndjson (one plan@1 document per line) or csv')
    .option('--allow-override', 'let LLM_PLAN_PRESETS presets replace built-in ones with the same id');
  addOutputOptions(command).action(async (options: SweepOptions) => {
    const format = readSweepFormat(options);
    // User presets (a --gpu/--rule/--loss file, LLM_PLAN_PRESETS) resolve as for a plan.
    const catalog = await loadCatalog(io, options);
    const { input, count, planAt } = prepareSweep(sweepRequestFromFlags(options), catalog);
    await writeSweep(format, count, planAt, input, io, async () => styleFor(io, options));
  });
}

/** The sweep request the flags make: every flag but the output ones. */
function sweepRequestFromFlags(options: SweepOptions): SweepRequest {
  const { json: _json, color: _color, format: _format, allowOverride: _allowOverride, ...request } = options;
  return request as SweepRequest;
}

/** `--json` or `--format`; both only when they agree. Kept here until formats are shared by all commands. */
function readSweepFormat(options: SweepOptions): SweepFormat {
  const format = options.format?.trim().toLowerCase();
  if (format !== undefined && !(SWEEP_FORMATS as readonly string[]).includes(format)) {
    throw badInput(`unknown --format '${options.format}'`, `sweep prints one of: ${SWEEP_FORMATS.join(', ')}`);
  }
  if (options.json && format !== undefined && format !== 'json') {
    throw badInput(`--json and --format ${format} ask for different outputs`, 'give one of them');
  }
  return options.json ? 'json' : ((format as SweepFormat | undefined) ?? 'table');
}

/** Streams the rows for the machine formats, waiting for the reader; the table is built whole (it is for people). */
async function writeSweep(
  format: SweepFormat,
  count: number,
  planAt: (index: number) => PlanDocument,
  input: SweepInput,
  io: CliIo,
  style: () => Promise<Style>,
): Promise<void> {
  const write = streamStdout(io);
  if (format === 'table') {
    const { renderSweepTable } = await import('../../render/sweep-table.js');
    await write(renderSweepTable(Array.from({ length: count }, (_, index) => planAt(index)), await style(), widthFor(io)));
    return;
  }
  if (format === 'ndjson') {
    const { renderCompactJson } = await import('../../render/json.js');
    await writeLines(write, count, (index) => renderCompactJson(planAt(index)));
    return;
  }
  if (format === 'csv') {
    const csv = await import('../../render/sweep-csv.js');
    const columns = csv.sweepCsvColumns(planAt(0));
    await write(csv.renderSweepCsvHeader(columns));
    await writeRows(write, count, (index) => csv.renderSweepCsvRows(planAt(index), columns));
    return;
  }
  const json = await import('../../render/sweep-json.js');
  await write(json.renderSweepJsonHead(SWEEP_SCHEMA_ID, input));
  await writeRows(write, count, (index) => json.renderSweepJsonRow(planAt(index)), json.SWEEP_JSON_SEPARATOR);
  await write(json.SWEEP_JSON_TAIL);
}
