import { Option, type Command } from 'commander';
import { renderJson, renderJsonLine } from '../../render/json.js';
import { styleFor, widthFor, type CommandContext, type OutputOptions } from '../context.js';
import { chooseFormat } from '../format-option.js';
import { loadCatalog } from '../load-catalog.js';
import { planFromOptions, type PlanOptions } from '../../request/plan.js';
import { mergePlanInput } from '../request-file.js';
import { addConstraintOptions } from './constraint-flags.js';
import { addOutputOptions } from './shared-options.js';
import { isPresetPath } from '../../presets/catalog.js';
import { parseJsonInput, readTextInput } from '../read-input.js';
import type { CliIo } from '../io.js';

/** The formats a plan prints in; the first is the default. */
export const PLAN_FORMATS = ['table', 'json', 'ndjson', 'csv', 'markdown'] as const;

interface PlanCommandOptions extends PlanOptions, OutputOptions {
  readonly format?: string;
  readonly input?: string;
  readonly allowOverride?: boolean;
}

/** The default command: `llm-plan --budget 5000gpuh --gpu v100`. */
export function registerPlanCommand(program: Command, { io }: CommandContext): void {
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
  addOutputOptions(program)
    .addOption(new Option('--format <format>', `output format: ${PLAN_FORMATS.join(', ')} (default table)`))
    .option('--input <file>', 'read the plan request as a JSON object of these flags from a file, or - for stdin; flags override it')
    .option('--allow-override', 'let LLM_PLAN_PRESETS presets replace built-in ones with the same id')
    .action(async (given: PlanCommandOptions) => {
      const format = chooseFormat(given, PLAN_FORMATS);
      const options = given.input === undefined ? given : await mergePlanInput(program, given, given.input, io);
      const catalog = await loadCatalog(io, options);
      const plan = planFromOptions(await withClusterInputs(options, io), catalog);
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
          return io.stdout(renderPlanTable(plan, await styleFor(io, options), widthFor(io)));
        }
      }
    });
}

/**
 * What the request layer cannot get itself: the --arch file's JSON (read here, parsed in core) and
 * today's date for the finish date (the clock lives in the CLI; --start overrides it).
 */
export async function withClusterInputs<T extends PlanOptions>(options: T, io: CliIo): Promise<T> {
  let result: T = options;
  if (options.arch !== undefined && isPresetPath(options.arch)) {
    const { name, text } = await readTextInput(options.arch, io, 'architecture');
    result = { ...result, archFile: { name, json: parseJsonInput(text, name) } };
  }
  if (options.start === undefined) result = { ...result, start: io.today?.() ?? new Date().toISOString().slice(0, 10) };
  return result;
}
