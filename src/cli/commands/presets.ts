import { commandSummary } from './summaries.js';
import type { Command } from 'commander';
import { renderJson } from '../../render/json.js';
import { styleFor, type CommandContext, type OutputOptions } from '../context.js';
import { loadCatalog } from '../load-catalog.js';
import { addOutputOptions } from './shared-options.js';

export const PRESETS_SCHEMA_ID = 'llm-plan/presets@1';

/** `llm-plan gpus`: the accelerator presets. */
export function registerGpusCommand(program: Command, { io }: CommandContext): void {
  addOutputOptions(
    program.command('gpus').description(commandSummary('gpus')),
  )
    .option('--allow-override', 'let LLM_PLAN_PRESETS presets replace built-in ones with the same id')
    .action(async (options: OutputOptions & { allowOverride?: boolean }) => {
      // Lists LLM_PLAN_PRESETS presets too, when it is set: what --gpu accepts is what is listed.
      const { accelerators } = await loadCatalog(io, options);
      if (options.json) return io.stdout(renderJson({ schema: PRESETS_SCHEMA_ID, accelerators }));
      const { renderAcceleratorTable } = await import('../../render/presets-table.js');
      io.stdout(renderAcceleratorTable(accelerators, await styleFor(io, options), io.columns));
    });
}

/** `llm-plan rules`: the scaling rules and loss models. */
export function registerRulesCommand(program: Command, { io }: CommandContext): void {
  addOutputOptions(
    program.command('rules').description(commandSummary('rules')),
  )
    .option('--allow-override', 'let LLM_PLAN_PRESETS presets replace built-in ones with the same id')
    .action(async (options: OutputOptions & { allowOverride?: boolean }) => {
      const { rules, lossModels } = await loadCatalog(io, options);
      if (options.json) return io.stdout(renderJson({ schema: PRESETS_SCHEMA_ID, rules, lossModels }));
      const { renderRulesTable } = await import('../../render/presets-table.js');
      io.stdout(renderRulesTable(rules, lossModels, await styleFor(io, options)));
    });
}
