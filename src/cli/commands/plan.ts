import { Option, type Command } from 'commander';
import { renderJson, renderJsonLine } from '../../render/json.js';
import { styleFor, widthFor, type CommandContext, type OutputOptions } from '../context.js';
import { chooseFormat } from '../format-option.js';
import { loadCatalog } from '../load-catalog.js';
import { needsClusterModel, planDocument, type ClusterFiles } from '../../request/plan.js';
import type { PlanRequest } from '../../domain/request.js';
import { planRequestFromFlags } from '../plan-request.js';
import { readRequestFile } from '../request-file.js';
import { addConstraintOptions } from './constraint-flags.js';
import { addOutputOptions } from './shared-options.js';
import { isPresetPath } from '../../presets/catalog.js';
import { parseJsonInput, readTextInput } from '../read-input.js';
import type { CliIo } from '../io.js';

/** The formats a plan prints in; the first is the default. */
export const PLAN_FORMATS = ['table', 'json', 'ndjson', 'csv', 'markdown'] as const;

interface PlanCommandOptions extends OutputOptions {
  readonly format?: string;
  readonly input?: string;
  readonly allowOverride?: boolean;
}

/** The default command: `llm-plan --budget 5000gpuh --gpu v100`. */
export function registerPlanCommand(program: Command, { io }: CommandContext): void {
  addPlanOptions(program).action(async (given: PlanCommandOptions & Readonly<Record<string, unknown>>) => {
    const format = chooseFormat(given, PLAN_FORMATS);
    const flags = planRequestFromFlags(given, (key) => program.getOptionValueSource(key));
    const { request, allowOverride } = given.input === undefined ? { request: flags, allowOverride: given.allowOverride === true } : await readRequestFile(given.input, io, flags);
    const catalog = await loadCatalog(io, { gpu: request.gpu ?? undefined, rule: request.rule ?? undefined, loss: request.loss ?? undefined, allowOverride: allowOverride || given.allowOverride === true });
    // The cluster model (layout search, memory, architectures) loads only for a plan that asks for it.
    const clusterModel = needsClusterModel(request) ? (await import('../../request/cluster-model.js')).CLUSTER_MODEL : undefined;
    const plan = planDocument({ ...request, ...(await clusterInputs(request, io)) }, catalog, clusterModel);
    switch (format) {
      case 'json':
        return io.stdout(renderJson(plan));
      case 'ndjson':
        return io.stdout(renderJsonLine(plan));
      case 'csv': {
        const { renderPlanCsv } = await import('../../render/plan-csv.js');
        return io.stdout(renderPlanCsv(plan));
      }
      case 'markdown': {
        const { renderPlanMarkdown } = await import('../../render/plan-markdown.js');
        return io.stdout(renderPlanMarkdown(plan));
      }
      case 'table': {
        const { renderPlanTable } = await import('../../render/plan-table.js');
        return io.stdout(renderPlanTable(plan, await styleFor(io, given), widthFor(io)));
      }
    }
  });
}

/** The plan command's flags (each request field is one), its output flags and `--input`. */
export function addPlanOptions(program: Command): Command {
  program
    .option('-b, --budget <budget>', 'compute budget: GPU-hours, GPU-days, FLOPs, PF-days or USD (see Budgets)')
    .option('-g, --gpu <id>', "accelerator preset id or alias (see 'llm-plan gpus'), or a preset file path")
    .option('--precision <precision>', 'training precision: fp32, tf32, fp16, bf16, fp8 (default bf16, else fp16)')
    .option('--mfu <fraction>', 'model FLOPs utilisation in (0, 1], or a percentage (default 0.40)')
    .option('-r, --rule <id>', 'scaling rule: openai (kaplan), deepmind (chinchilla), chinchilla-1, chinchilla-2, chinchilla-3, llama3, deepseek, optimal (llm-plan rules), or all (default deepmind); or a file path')
    .option('-l, --loss <id>', 'loss model that scores the plan: hoffmann2022, hoffmann2022-unrounded, besiroglu2024, kaplan2020, or all; or a file path')
    .option('--price <usd>', 'price in USD per GPU-hour (needed for a $ budget; adds the cost)')
    .option('--params <count>', 'plan from a model size instead: the tokens and compute the rule gives it (7e9, 7B); with --tokens, evaluate that run')
    .option('--tokens <count>', 'plan from a dataset size instead: the model and compute the rule gives it (2T); with --params, evaluate that run')
    .option('--model <id>', 'evaluate a real training run (gopher, chinchilla, llama-2-70b, …: presets/models.json) against the optimum at its compute')
    .option('--target-loss <nats>', 'plan the cheapest run whose predicted loss reaches this value')
    .option('--baseline <N:D>', 'anchor a power-law rule at your own run of N parameters on D tokens (1B:20B)')
    .option('--range', 'show the spread across published variants of the law (or a fitted law\'s bootstrap)');
  addConstraintOptions(program);
  return addOutputOptions(program)
    .addOption(new Option('--format <format>', `output format: ${PLAN_FORMATS.join(', ')} (default table)`))
    .option('--input <file>', 'read the plan request as a JSON object of these flags from a file, or - for stdin; flags override it')
    .option('--allow-override', 'let LLM_PLAN_PRESETS presets replace built-in ones with the same id');
}

/**
 * What the request layer cannot get itself: the --arch file's JSON (read here, parsed in core) and
 * today's date for the finish date (the clock lives in the CLI; --start overrides it).
 */
async function clusterInputs(request: PlanRequest, io: CliIo): Promise<ClusterFiles> {
  const arch = request.arch ?? undefined;
  const archFile = arch !== undefined && isPresetPath(arch) ? await readTextInput(arch, io, 'architecture').then(({ name, text }) => ({ name, json: parseJsonInput(text, name) })) : undefined;
  return {
    ...(archFile ? { archFile } : {}),
    ...(request.start === undefined || request.start === null ? { start: io.today?.() ?? new Date().toISOString().slice(0, 10) } : {}),
  };
}
