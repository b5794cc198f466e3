import type { Command } from 'commander';
import { BUILTIN_ACCELERATORS, BUILTIN_LOSS_MODELS, BUILTIN_RULES } from '../../presets/builtin.js';
import { renderJson } from '../../render/json.js';
import { styleFor, type CommandContext, type OutputOptions } from '../context.js';
import { addOutputOptions } from './shared-options.js';

export const PRESETS_SCHEMA_ID = 'llm-plan/presets@1';

/** `llm-plan gpus`: the accelerator presets. */
export function registerGpusCommand(program: Command, { io }: CommandContext): void {
  addOutputOptions(
    program.command('gpus').description('list the accelerator presets: memory, dense TFLOP/s per precision, source'),
  ).action(async (options: OutputOptions) => {
    if (options.json) return io.stdout(renderJson({ schema: PRESETS_SCHEMA_ID, accelerators: BUILTIN_ACCELERATORS }));
    const { renderAcceleratorTable } = await import('../../render/presets-table.js');
    io.stdout(renderAcceleratorTable(BUILTIN_ACCELERATORS, await styleFor(io, options), io.columns));
  });
}

/** `llm-plan rules`: the scaling rules and loss models. */
export function registerRulesCommand(program: Command, { io }: CommandContext): void {
  addOutputOptions(
    program.command('rules').description('list the scaling rules and loss models, with per-10× growth and sources'),
  ).action(async (options: OutputOptions) => {
    if (options.json) {
      return io.stdout(renderJson({ schema: PRESETS_SCHEMA_ID, rules: BUILTIN_RULES, lossModels: BUILTIN_LOSS_MODELS }));
    }
    const { renderRulesTable } = await import('../../render/presets-table.js');
    io.stdout(renderRulesTable(BUILTIN_RULES, BUILTIN_LOSS_MODELS, await styleFor(io, options)));
  });
}
