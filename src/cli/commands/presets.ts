import { commandSummary } from './summaries.js';
import type { Command } from 'commander';
import { renderJson } from '../../render/json.js';
import { styleFor, widthFor, type CommandContext, type OutputOptions } from '../context.js';
import { loadCatalog } from '../load-catalog.js';
import { addOutputOptions } from './shared-options.js';
import { addExamples } from '../help.js';

export const PRESETS_SCHEMA_ID = 'llm-plan/presets@1';

/** `llm-plan gpus`: the accelerator presets. */
export function registerGpusCommand(program: Command, { io }: CommandContext): void {
  addOutputOptions(
    addExamples(program.command('gpus').description(commandSummary('gpus')), io, [
      ['llm-plan gpus', 'ids, aliases, memory and dense TFLOP/s per precision'],
      ['llm-plan gpus --wide', 'also names, confidence and sources, however wide'],
      ['llm-plan gpus --json', 'the presets as stored (llm-plan/presets@1)'],
    ]),
  )
    .option('--wide', 'every column (names, confidence, sources) however wide the terminal')
    .option('--allow-override', 'let LLM_PLAN_PRESETS presets replace built-in ones with the same id')
    .action(async (options: OutputOptions & { allowOverride?: boolean; wide?: boolean }) => {
      // Lists LLM_PLAN_PRESETS presets too, when it is set: what --gpu accepts is what is listed.
      const { accelerators } = await loadCatalog(io, options);
      if (options.json) return io.stdout(renderJson({ schema: PRESETS_SCHEMA_ID, accelerators }));
      const { renderAcceleratorTable } = await import('../../render/presets-table.js');
      io.stdout(renderAcceleratorTable(accelerators, await styleFor(io, options), { width: widthFor(io), wide: options.wide }));
    });
}

/** `llm-plan rules`: the scaling rules and loss models. */
export function registerRulesCommand(program: Command, { io }: CommandContext): void {
  addOutputOptions(
    addExamples(program.command('rules').description(commandSummary('rules')), io, [
      ['llm-plan rules', 'every rule and loss model: growth, the runs behind it, law, source'],
      ['llm-plan rules --wide', 'the same with lines whole, however wide'],
      ['llm-plan rules --json', 'the presets as stored (llm-plan/presets@1)'],
    ]),
  )
    .option('--wide', 'lines whole (no folding to the terminal width)')
    .option('--allow-override', 'let LLM_PLAN_PRESETS presets replace built-in ones with the same id')
    .action(async (options: OutputOptions & { allowOverride?: boolean; wide?: boolean }) => {
      const { rules, lossModels } = await loadCatalog(io, options);
      if (options.json) return io.stdout(renderJson({ schema: PRESETS_SCHEMA_ID, rules, lossModels }));
      const { renderRulesTable } = await import('../../render/presets-table.js');
      io.stdout(renderRulesTable(rules, lossModels, await styleFor(io, options), { width: widthFor(io), wide: options.wide }));
    });
}
