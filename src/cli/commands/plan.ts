import type { Command } from 'commander';
import { renderJson } from '../../render/json.js';
import { styleFor, type CommandContext, type OutputOptions } from '../context.js';
import { planFromOptions, type PlanOptions } from '../plan-options.js';
import { addOutputOptions } from './shared-options.js';

/** The default command: `llm-plan --budget 5000gpuh --gpu v100`. */
export function registerPlanCommand(program: Command, { io }: CommandContext): void {
  program
    .option('-b, --budget <budget>', 'compute budget: GPU-hours, GPU-days, FLOPs, PF-days or USD (see Budgets)')
    .option('-g, --gpu <id>', "accelerator preset id or alias (see 'llm-plan gpus')")
    .option('--precision <precision>', 'training precision: fp32, tf32, fp16, bf16, fp8 (default bf16, else fp16)')
    .option('--mfu <fraction>', 'model FLOPs utilisation in (0, 1], or a percentage (default 0.40)')
    .option('-r, --rule <id>', 'scaling rule: openai (kaplan), deepmind (chinchilla), optimal, or all (default deepmind)')
    .option('-l, --loss <id>', 'loss model that scores the plan: hoffmann2022, besiroglu2024, kaplan2020, or all')
    .option('--price <usd>', 'price in USD per GPU-hour (needed for a $ budget; adds the cost)')
    .option('--params <count>', 'plan from a model size instead: the tokens and compute the rule gives it (7e9, 7B)')
    .option('--tokens <count>', 'plan from a dataset size instead: the model and compute the rule gives it (2T)')
    .option('--target-loss <nats>', 'plan the cheapest run whose predicted loss reaches this value')
    .option('--baseline <N:D>', 'anchor a power-law rule at your own run of N parameters on D tokens (1B:20B)')
    .option('--range', 'show the spread across published variants of the law (or a fitted law\'s bootstrap)');
  addOutputOptions(program).action(async (options: PlanOptions & OutputOptions) => {
    const plan = planFromOptions(options);
    if (options.json) return io.stdout(renderJson(plan));
    const { renderPlanTable } = await import('../../render/plan-table.js');
    io.stdout(renderPlanTable(plan, await styleFor(io, options)));
  });
}
